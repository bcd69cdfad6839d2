namespace PaperFeed;

/// <summary>
/// When a copy of a paper was observed: its featured (snapshot) day and its position in the input. The rule of
/// "later" that merge uses everywhere: by date when both dates have a year and differ, else by input position.
/// </summary>
internal readonly record struct Observation(PaperDate? Date, long Sequence)
{
    public bool IsLaterThan(Observation other) =>
        BothDated(other, out var mine, out var theirs) && mine != theirs ? mine > theirs : Sequence > other.Sequence;

    /// <summary>True only when both dates have a year and this one is strictly earlier (first-seen stays first otherwise).</summary>
    public bool IsDatedBefore(Observation other) => BothDated(other, out var mine, out var theirs) && mine < theirs;

    private bool BothDated(Observation other, out DateOnly mine, out DateOnly theirs)
    {
        mine = Date?.ToDateOnly() ?? default;
        theirs = other.Date?.ToDateOnly() ?? default;
        return Date?.HasYear == true && other.Date?.HasYear == true;
    }
}

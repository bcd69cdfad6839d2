namespace PaperFeed.Tests.Merge;

/// <summary>A merge normalises each copy's title once and hands the key on; these fail if a step normalises again.</summary>
public class TitleKeyTests
{
    private static readonly Action<MergeField, string, string> NoConflict = (field, kept, incoming) =>
        throw new InvalidOperationException($"unexpected conflict on {field}: '{kept}' vs '{incoming}'");

    [Fact]
    public void The_index_finds_a_paper_by_the_key_it_is_given()
    {
        var index = new IdentityIndex<int>();

        index.GetOrAdd(new Paper { Title = "Alpha" }, "key", () => 1, out bool added);

        added.Should().BeTrue();
        index.TryGetValue(new Paper { Title = "Something else entirely" }, "key", out int found).Should().BeTrue("the key given is the key used");
        found.Should().Be(1);
        index.TryGetValue(new Paper { Title = "Alpha" }, "other", out _).Should().BeFalse();
    }

    [Fact]
    public void An_entry_compares_titles_by_the_keys_and_keeps_the_key_of_the_title_it_keeps()
    {
        var conflicts = new List<MergeField>();
        var entry = new MergeEntry(new Paper { Title = "alpha" }, "k-alpha", new Observation(null, 0));
        entry.Add(new Paper { Title = "alpha" }, "k-alpha", new Observation(null, 0), NoConflict);

        entry.Add(new Paper { Title = "ALPHA" }, "k-alpha", new Observation(null, 1), NoConflict);
        entry.Add(new Paper { Title = "Beta" }, "k-beta", new Observation(null, 2), (field, _, _) => conflicts.Add(field));
        entry.Add(new Paper { Title = "BETA" }, "k-beta", new Observation(null, 3), NoConflict);

        conflicts.Should().Equal(MergeField.Title);
        entry.ToMergedPaper().Paper.Title.Should().Be("BETA", "the later copy's spelling of the kept title wins, with no second conflict");
    }
}

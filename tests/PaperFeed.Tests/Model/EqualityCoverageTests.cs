using System.Reflection;

namespace PaperFeed.Tests.Model;

/// <summary>
/// <see cref="Paper"/>, <see cref="PaperDetails"/> and <see cref="Feed"/> write their equality by hand (lists compare
/// element by element), so a property added later and left out of <c>Equals</c> would go unnoticed. For every
/// settable public property, two instances that differ only there must be unequal; the only exceptions are the
/// documented provenance properties (<see cref="Paper.SourceLine"/>), which must leave equality and the hash alone.
/// A property of a type this test has no values for fails until two values are added to <see cref="Values"/>.
/// </summary>
public class EqualityCoverageTests
{
    /// <summary>Properties documented as provenance: they take no part in equality.</summary>
    private static readonly HashSet<string> Provenance = [$"{nameof(Paper)}.{nameof(Paper.SourceLine)}"];

    /// <summary>Two different values per property type.</summary>
    private static readonly Dictionary<Type, (object A, object B)> Values = new()
    {
        [typeof(string)] = ("one", "two"),
        [typeof(int?)] = (1, 2),
        [typeof(long?)] = (1L, 2L),
        [typeof(PaperDate?)] = (new PaperDate(2025, 1, 1), new PaperDate(2025, 1, 2)),
        [typeof(DateTimeOffset?)] = (new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero)),
        [typeof(FeedPeriod?)] = (FeedPeriod.OfWeek(2025, 1), FeedPeriod.OfWeek(2025, 2)),
        [typeof(Organization)] = (new Organization("one"), new Organization("two")),
        [typeof(PaperDetails)] = (new PaperDetails { AiSummary = "one" }, new PaperDetails { AiSummary = "two" }),
        [typeof(IReadOnlyList<string>)] = (new[] { "one" }, new[] { "two" }),
        [typeof(IReadOnlyList<Author>)] = (new[] { new Author("One") }, new[] { new Author("Two") }),
        [typeof(IReadOnlyList<Paper>)] = (new[] { new Paper { Title = "One" } }, new[] { new Paper { Title = "Two" } }),
    };

    public static TheoryData<Type> Types => new() { typeof(Paper), typeof(PaperDetails), typeof(Feed) };

    [Theory]
    [MemberData(nameof(Types))]
    public void Instances_differing_in_any_one_property_are_unequal(Type type)
    {
        var properties = Settable(type);
        properties.Should().NotBeEmpty();
        var baseline = Create(type, properties, changed: null);
        Create(type, properties, changed: null).Should().Be(baseline, "the same values make equal instances");

        foreach (var property in properties)
        {
            var variant = Create(type, properties, changed: property);
            string name = $"{type.Name}.{property.Name}";
            if (Provenance.Contains(name))
            {
                variant.Should().Be(baseline, $"{name} is provenance and takes no part in equality");
                variant.GetHashCode().Should().Be(baseline.GetHashCode(), $"{name} takes no part in the hash either");
            }
            else
            {
                variant.Equals(baseline).Should().BeFalse($"{name} must take part in {type.Name}.Equals");
                baseline.Equals(variant).Should().BeFalse($"{name} must take part in {type.Name}.Equals");
            }
        }
    }

    [Fact]
    public void Provenance_names_real_properties()
    {
        Provenance.Should().OnlyContain(name => Settable(typeof(Paper)).Any(p => $"{nameof(Paper)}.{p.Name}" == name));
    }

    /// <summary>Public instance properties that can be set (init included): computed ones cannot differ alone.</summary>
    private static List<PropertyInfo> Settable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true })];

    private static object Create(Type type, List<PropertyInfo> properties, PropertyInfo? changed)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in properties)
        {
            Values.TryGetValue(property.PropertyType, out var values).Should().BeTrue(
                $"{type.Name}.{property.Name} is a {property.PropertyType}: add two different values of it to this test");
            property.SetValue(instance, property == changed ? values.B : values.A);
        }
        return instance;
    }
}

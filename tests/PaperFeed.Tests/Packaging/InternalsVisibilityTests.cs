using System.Reflection;
using System.Runtime.CompilerServices;

namespace PaperFeed.Tests.Packaging;

/// <summary>
/// Packages depend on each other's public API only: a package that used another's internals would break with a
/// <see cref="MissingMethodException"/> as soon as the two are installed at different versions (PaperFeed.Html 1.0
/// with a later core). So no project under src may show its internals to another; only to the tests, and the core
/// also to the benchmarks, neither of which ships. Checked on the built assemblies, whatever the project files say.
/// </summary>
public class InternalsVisibilityTests
{
    /// <summary>Every project under src, and the assemblies it may show its internals to.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["PaperFeed"] = ["PaperFeed.Tests", "PaperFeed.Benchmarks"],
        ["PaperFeed.Html"] = ["PaperFeed.Tests"],
        ["PaperFeed.Export"] = ["PaperFeed.Tests"],
        ["PaperFeed.Parquet"] = ["PaperFeed.Tests"],
        ["PaperFeed.Http"] = ["PaperFeed.Tests"],
        ["PaperFeed.Cli"] = ["PaperFeed.Tests"],
        ["PaperFeed.Testing"] = ["PaperFeed.Tests"],
    };

    public static TheoryData<string> Projects => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_shows_its_internals_to_the_tests_and_benchmarks_only(string project)
    {
        var granted = Assembly.Load(project).GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(attribute => attribute.AssemblyName.Split(',')[0].Trim());

        granted.Should().BeSubsetOf(Allowed[project], $"{project} ships, and another package must use only its public API");
    }

    [Fact]
    public void The_check_reads_the_attributes_the_build_emits()
    {
        // The tests see the core's internals, so the core's attributes must name them: an empty read would pass every check above.
        typeof(FeedReader).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Should().Contain("PaperFeed.Tests");
    }

    [Fact]
    public void Every_project_under_src_is_checked()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension);

        projects.Should().BeEquivalentTo(Allowed.Keys, "a new project must say whom it shows its internals to");
    }
}

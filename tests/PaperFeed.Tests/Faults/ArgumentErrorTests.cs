using PaperFeed.Cli;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// Every argument error is exit 2 and one line, never a stack trace (issue 14, item 5), through the real executable;
/// the options mean the same in every command.
/// </summary>
public sealed class ArgumentErrorTests
{
    [Theory]
    [InlineData("--top: '2147483648' is not a whole number from 0 to 2147483647.", "parse", "--top", "2147483648")]
    [InlineData("--top: 'abc' is not a whole number from 0 to 2147483647.", "parse", "--top", "abc")]
    [InlineData("--top: '' is not a whole number from 0 to 2147483647.", "parse", "--top", "")]
    [InlineData("--top: '' is not a whole number from 0 to 2147483647.", "merge", "--top", "")]
    [InlineData("--top: '-1' is not a whole number from 0 to 2147483647.", "merge", "--top=-1")]
    [InlineData("--min-upvotes: 'x' is not a whole number from 0 to 2147483647.", "parse", "--min-upvotes", "x")]
    [InlineData("--output: the path is empty.", "parse", "--output", "")]
    [InlineData("--output: the path is empty.", "merge", "-o", "")]
    [InlineData("standard input ('-') can be given only once.", "parse", "-", "-")]
    [InlineData("standard input ('-') can be given only once.", "diff", "-", "-")]
    [InlineData("standard input ('-') can be given only once.", "stats", "-", "-")]
    public async Task A_bad_argument_is_exit_2_and_one_line(string message, params string[] args)
    {
        // An input after the options, except where the arguments are the inputs ('-' '-').
        var run = await PaperfeedProcess.RunAsync(args.Contains("-") ? args : [.. args, TestData.Corpus001]);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: {message} (see 'paperfeed --help')");
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("merge")]
    [InlineData("stats")]
    public async Task Quiet_output_and_diagnostics_are_accepted_by_every_command_that_reads_inputs(string command)
    {
        var run = await PaperfeedProcess.RunAsync(command, "-q", "-o", "-", TestData.Corpus001);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Diff_takes_the_same_quiet_and_output_options()
    {
        var run = await PaperfeedProcess.RunAsync("diff", "-q", "-o", "-", TestData.Corpus000, TestData.Corpus001);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Text_read_as_json_is_one_bounded_line()
    {
        // A forced format that contradicts the content is one short line that says what the input is (PF922), not a JSON
        // error quoting the input.
        var run = await PaperfeedProcess.RunAsync("parse", "--input-format", "json", TestData.Corpus001);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().BeEmpty();
        var line = run.StderrLines.Should().ContainSingle().Subject;
        line.Should().Be($"{TestData.Corpus001}:1:1: error PF922: the input is a text listing, not PaperFeed's own JSON as the format given says; " +
            "read it as a text listing or let the format be detected");
        line.Length.Should().BeLessThan(Reporter.MaxMessageLength + TestData.Corpus001.Length + 100);
    }

    [Fact]
    public async Task PaperFeed_json_read_as_api_json_is_refused_instead_of_read_as_one_bogus_paper()
    {
        using var folder = new TempFolder();
        string own = folder.File("own.json");
        var parse = await PaperfeedProcess.RunAsync("parse", "--quiet", "--output", own, TestData.Corpus001);
        parse.ExitCode.Should().Be(0, parse.Stderr);

        // The old code wrote one paper titled "Daily Papers" (the feed read as an API item) and lost the 53.
        var run = await PaperfeedProcess.RunAsync("parse", "--input-format", "hf-json", own);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().Be(
            $"{own}:1:1: error PF922: the input is PaperFeed's own JSON, not Hugging Face API JSON as the format given says; read it as PaperFeed's own JSON or let the format be detected");
    }

    [Fact]
    public async Task Api_json_read_as_paperfeed_json_is_refused()
    {
        string api = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "api", "2024-07-05.json");

        var run = await PaperfeedProcess.RunAsync("parse", "--input-format", "json", api);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().Be(
            $"{api}:1:1: error PF922: the input is Hugging Face API JSON, not PaperFeed's own JSON as the format given says; read it as Hugging Face API JSON or let the format be detected");
    }
}

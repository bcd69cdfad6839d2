using System.Text;
using System.Text.Encodings.Web;
using CsCheck;
using PaperFeed.Text;

namespace PaperFeed.Tests.Text;

/// <summary>
/// The JSON Lines writer's own check for "does this text need escaping" must answer exactly what the encoder that
/// System.Text.Json uses answers (<see cref="TextEncoder.FindFirstCharacterToEncodeUtf8"/>), or the fast path would copy
/// a character the encoder escapes.
/// </summary>
public sealed class JsonEscapingCheckTests
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static bool EncoderEscapes(byte[] utf8) => Encoder.FindFirstCharacterToEncodeUtf8(utf8) >= 0;

    [Fact]
    public void Every_character_alone_and_inside_ascii_gets_the_encoders_answer()
    {
        int escaped = 0;
        for (int value = 0; value <= 0x10FFFF; value++)
        {
            if (!Rune.IsValid(value)) continue;
            var text = new Rune(value).ToString();
            foreach (var utf8 in new[] { Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes("plain ascii words " + text + " and more ascii words after it") })
            {
                EntryJsonLines.NeedsEscaping(utf8).Should().Be(EncoderEscapes(utf8), "for U+{0:X4}", value);
            }
            if (EncoderEscapes(Encoding.UTF8.GetBytes(text))) escaped++;
        }
        // Not vacuous: controls, quote, backslash and every supplementary character are escaped; most of the BMP is not.
        escaped.Should().BeGreaterThan(0x100000 - 0x10000).And.BeLessThan(0x10FFFF - 0x8000);
        EntryJsonLines.NeedsEscaping([]).Should().BeFalse();
    }

    [Fact]
    public void Mixed_text_gets_the_encoders_answer()
    {
        var pieces = Gen.OneOf<string>("a", "Z", " ", ".", "\"", "\\", "\n", "\t", "\u007f", "é", "“", "”", "—", "\u00a0", "\u2028", "\u3000", "中文", "😀", "\ufeff", "\ufffd", "<", "&", "'", "+", "`");
        pieces.Array[0, 80].Select(p => Encoding.UTF8.GetBytes(string.Concat(p)))
            .Sample(utf8 => EntryJsonLines.NeedsEscaping(utf8) == EncoderEscapes(utf8), iter: 5000);
    }
}

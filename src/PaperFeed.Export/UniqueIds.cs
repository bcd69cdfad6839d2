using System.Security.Cryptography;
using System.Text;

namespace PaperFeed.Export;

/// <summary>
/// Makes the ids of one document unique: the second paper with an id already given (the same paper twice in an input
/// that was not deduplicated) gets <c>#2</c> appended, the third <c>#3</c>, and so on, in input order, so the ids stay
/// deterministic. Holds a 128-bit hash per id, not the ids, and the next number of each repeated id, so a paper
/// repeated many times costs one step per copy.
/// </summary>
internal sealed class UniqueIds
{
    private readonly HashSet<UInt128> _seen = [];
    private readonly Dictionary<UInt128, int> _next = [];

    public string Claim(string id)
    {
        var hash = Hash(id);
        if (_seen.Add(hash)) return id;
        for (int n = _next.GetValueOrDefault(hash, 2); ; n++)
        {
            string candidate = string.Concat(id, "#", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (_seen.Add(Hash(candidate)))
            {
                _next[hash] = n + 1;
                return candidate;
            }
        }
    }

    private static UInt128 Hash(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}

using System.Text;

namespace SoTTTT.Core.Crs;

/// <summary>Folds Vietnamese names to a comparison key: no diacritics, lower case, letters and digits only.</summary>
internal static class VietnameseText
{
    // Precomposed Vietnamese letters and their base letters; a table rather than Unicode decomposition
    // because the build runs with invariant globalization.
    private const string Accented =
        "àáãảạăằắẵẳặâầấẫẩậèéẽẻẹêềếễểệìíĩỉịòóõỏọôồốỗổộơờớỡởợùúũủụưừứữửựỳýỹỷỵđ" +
        "ÀÁÃẢẠĂẰẮẴẲẶÂẦẤẪẨẬÈÉẼẺẸÊỀẾỄỂỆÌÍĨỈỊÒÓÕỎỌÔỒỐỖỔỘƠỜỚỠỞỢÙÚŨỦỤƯỪỨỮỬỰỲÝỸỶỴĐ";

    private const string Plain =
        "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd" +
        "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

    /// <summary>
    /// <c>"Thừa Thiên–Huế"</c> → <c>"thuathienhue"</c>. Combining marks (decomposed input) are dropped too.
    /// </summary>
    public static string ToKey(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var i = Accented.IndexOf(c, StringComparison.Ordinal);
            var folded = i >= 0 ? Plain[i] : c;
            if (char.IsAsciiLetterOrDigit(folded))
            {
                key.Append(char.ToLowerInvariant(folded));
            }
        }

        return key.ToString();
    }
}

namespace SoTTTT.IO;

/// <summary>
/// How one layer of an operator's list is read on import (<c>sotttt import --column --map --skip-invalid</c>).
/// </summary>
/// <param name="Layer">The layer it applies to (<c>towers</c>, <c>bts</c> …).</param>
/// <param name="Columns">Header as written (case, diacritics and punctuation ignored) → column of the contract, e.g. <c>toadoX</c> → <c>lat</c>.</param>
/// <param name="Values">Column of the contract → (value as written, folded → value to use), e.g. <c>status</c>: <c>1</c> → <c>existing</c>.</param>
/// <param name="SkipInvalid">Leave rows with problems out (they are returned as rejects) instead of failing the load.</param>
public sealed record LayerMapping(
    string Layer,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values,
    bool SkipInvalid);

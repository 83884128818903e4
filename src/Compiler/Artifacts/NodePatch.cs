namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// A node whose file changed, as the full compile would now write it: the file's text and SHA-256 (raw_code and
/// checksum), and the SQL compiled from it with where it was written (compiled_code and compiled_path), or null
/// for both when it was not compiled (then <c>compiled: false</c> and nulls, as the full writer has it).
/// <see cref="RawCode"/> and <see cref="Sha256"/> are null for a node whose file did not change (a macro's user
/// rendered again): its raw_code and checksum stay as they are. <see cref="CompiledUtf8"/>, when given, is
/// <see cref="CompiledCode"/> as UTF-8 already (the bytes the compiled file was written from): a patch does not encode
/// it again.
/// </summary>
internal sealed record NodePatch(string UniqueId, string? RawCode, string? Sha256, string? CompiledCode, string? CompiledPath = null,
    byte[]? CompiledUtf8 = null)
{
    public bool Compiled => CompiledCode is not null;
}

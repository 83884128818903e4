namespace ModelForge.Compiler.Artifacts;

/// <summary>Text already encoded as UTF-8, written by <see cref="JsonValueWriter"/> as a JSON string.</summary>
internal sealed record Utf8Text(ReadOnlyMemory<byte> Bytes);

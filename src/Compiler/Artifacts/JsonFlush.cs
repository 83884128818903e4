using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> over a stream holds everything written until it is flushed: an
/// artifact of megabytes (column_lineage.json, the docs site's files) grew its buffer by doubling,
/// copying it each time (a fifth of the site write at 10,000 nodes). Writers call this between
/// entries to hand the bytes on in small runs.
/// </summary>
internal static class JsonFlush
{
    private const int Threshold = 1 << 16;

    public static void IfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= Threshold) json.Flush();
    }
}

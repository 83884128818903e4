using ModelForge.Compiler.Caching;

namespace ModelForge.Runner.Memo;

/// <summary>
/// The memo of one successful invocation as stored in target/: its key (a hash of forge's build,
/// the arguments, the working folder...), every environment variable it read with a hash of the value seen, every place the
/// loader looked with what was there (<see cref="Scan"/>, <see cref="ScanEntry"/>), the outputs and
/// database files as left, and what it printed and returned.
/// </summary>
internal sealed class MemoFile
{
    /// <summary>The memo's file name in target/: one per command, so compile and ls do not evict each other.</summary>
    public static string NameFor(string command) => $"forge_{command}_memo.bin";
    private const string Magic = "modelforge-invocation-memo";
    // 4: the generation of the compile delta snapshot written with the memo.
    private const int Format = 4;

    public required string Key { get; init; }

    public required IReadOnlyList<VariableRead> Environment { get; init; }

    public required IReadOnlyList<RecordedScan> Scans { get; init; }

    /// <summary>What was printed, in order: (true for stderr, text).</summary>
    public required IReadOnlyList<PrintedText> Printed { get; init; }

    public required int ExitCode { get; init; }

    /// <summary>The <see cref="Compiler.Compilation.Delta.DeltaSnapshot.Generation"/> written by the same compile; empty when none.</summary>
    public string DeltaGeneration { get; init; } = "";

    /// <summary>The memo at <paramref name="path"/>, or null when there is none or it does not read cleanly.</summary>
    public static MemoFile? Read(string path) =>
        CacheFile.TryRead(path, Magic, Format, "", reader =>
        {
            var key = reader.ReadString();
            var environment = new VariableRead[reader.ReadInt32()];
            for (var i = 0; i < environment.Length; i++) environment[i] = new(reader.ReadString(), reader.ReadBoolean() ? reader.ReadString() : null);
            var scans = new RecordedScan[reader.ReadInt32()];
            for (var i = 0; i < scans.Length; i++)
            {
                var scan = new Scan(reader.ReadString(), (ScanMode)reader.ReadInt32());
                var folderTicks = reader.ReadInt64();
                var count = reader.ReadInt32();
                if (count < 0) throw new FormatException("negative entry count");
                scans[i] = RecordedScan.FromEncoded(scan, folderTicks, count, CacheFile.Slice(reader, reader.ReadInt32()));
            }
            var printed = new PrintedText[reader.ReadInt32()];
            for (var i = 0; i < printed.Length; i++) printed[i] = new(reader.ReadBoolean(), reader.ReadString());
            var exit = reader.ReadInt32();
            var generation = reader.ReadString();
            return new MemoFile { Key = key, Environment = environment, Scans = scans, Printed = printed, ExitCode = exit, DeltaGeneration = generation };
        });

    /// <summary>Writes atomically (temporary file, then rename); false when it could not (only the memo is lost).</summary>
    public bool Write(string path) =>
        CacheFile.TryWrite(path, Magic, Format, "", writer =>
        {
            writer.Write(Key);
            writer.Write(Environment.Count);
            foreach (var (name, value) in Environment)
            {
                writer.Write(name);
                writer.Write(value is not null);
                if (value is not null) writer.Write(value);
            }
            writer.Write(Scans.Count);
            foreach (var recorded in Scans)
            {
                writer.Write(recorded.Scan.Path);
                writer.Write((int)recorded.Scan.Mode);
                writer.Write(recorded.FolderTicks);
                writer.Write(recorded.Count);
                recorded.WriteEntries(writer);
            }
            writer.Write(Printed.Count);
            foreach (var (error, text) in Printed)
            {
                writer.Write(error);
                writer.Write(text);
            }
            writer.Write(ExitCode);
            writer.Write(DeltaGeneration);
        });

    // A memo that cannot be removed still fails verification against the new outputs.
    public static void Delete(string path) => CacheFile.Delete(path);
}

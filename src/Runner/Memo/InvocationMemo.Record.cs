using System.Text;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Connections.Adapters;

namespace ModelForge.Runner.Memo;

internal sealed partial class InvocationMemo
{
    /// <summary>The files the full command wrote under an output folder, with their stamps: recorded without a stat each.</summary>
    public WrittenStamps? WrittenOutputs { get; set; }

    // Why the memo cannot be written, or null once written.
    private string? Record(ProjectSession session, string[] outputs)
    {
        if (_impure.Unreplayable is { } name) return $"a template reads {name}";
        var target = Path.GetFullPath(session.TargetDirectory);
        if (Path.Combine(target, MemoFile.NameFor(_command)) != _memoPath) return "the project file's target-path could not be read before loading (the memo is looked for there)";
        var scans = Inputs(session);
        WrittenOutputs?.Index();
        if (_impure.ReadCatalog)
        {
            if (RunnerAdapters.Find(session.Project.Target)?.CatalogFiles(session.Project.Target) is not { } files)
                return "a template asks the database, and this target's catalog cannot be vouched for without a query";
            scans.AddRange(files.Select(f => new Scan(Path.GetFullPath(f), ScanMode.DatabaseFile)));
        }
        scans.AddRange(outputs.Select(o => o.EndsWith('/') ? new Scan(Path.Combine(target, o.TrimEnd('/')), ScanMode.OutputTree) : new Scan(Path.Combine(target, o), ScanMode.OutputFile)));

        // Each scan from the last memo when its listing still holds (only the files whose stamps differ are
        // looked at again: after one edit, one model and its compiled file), else listed (one scan at a time: a
        // tree lists its folders in parallel). Then the entries to vouch for, in parallel: hashing the files is
        // the work on a first compile.
        var recorded = new RecordedScan[scans.Count];
        var pending = new List<PendingVouch>();
        for (var i = 0; i < scans.Count; i++)
        {
            var scan = scans[i];
            var vouch = scan.Hashed || scan.Mode == ScanMode.DatabaseFile;
            var old = _previous?.GetValueOrDefault(scan);
            if (old is not null && ScanProof.Differences(old) is { } differing)
            {
                recorded[i] = old;
                foreach (var (index, stat) in differing)
                {
                    var candidate = old.EntryAt(index) with { Length = stat.Length, Ticks = stat.Ticks, Hash = "" };
                    if (vouch) pending.Add(new PendingVouch(i, index, candidate));
                    else old.Set(index, candidate);
                }
                continue;
            }
            if (old is not null && vouch) (_previousEntries ??= [])[scan] = old.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
            var folderTicks = Scanner.FolderTicks(scan, _startedTicks);
            var entries = Scanner.List(scan, target, _startedTicks, scan.Mode == ScanMode.OutputTree && WrittenOutputs?.Folder == scan.Path ? WrittenOutputs : null);
            recorded[i] = RecordedScan.FromEntries(scan, folderTicks, entries);
            if (vouch)
            {
                for (var j = 0; j < entries.Count; j++) pending.Add(new PendingVouch(i, j, entries[j]));
            }
        }
        // The texts the load read stand in for reading files again; for a few files, reading them is cheaper than the table.
        var loaded = pending.Count > 64 ? LoadedTexts(session) : null;
        var vouched = new ScanEntry?[pending.Count];
        ParallelLoop.For(pending.Count, k => vouched[k] = Vouch(recorded[pending[k].Scan].Scan, pending[k].Candidate, loaded));
        string? racy = null;
        for (var k = 0; k < pending.Count && racy is null; k++)
        {
            var (i, j, candidate) = pending[k];
            if (vouched[k] is { } entry) recorded[i].Set(j, entry);
            else racy = Scanner.FullPath(recorded[i].Scan, candidate);
        }
        if (racy is not null) return $"{racy} changed during the compile";
        var memo = new MemoFile
        {
            Key = _key,
            Environment = VariablesRead(),
            Scans = recorded,
            Printed = _printed.ToList(),
            ExitCode = ExitCodes.Success,
            DeltaGeneration = DeltaGeneration ?? "",
        };
        return memo.Write(_memoPath) ? null : "the target folder is not writable";
    }

    /// <summary>An entry of scan <see cref="Scan"/> (at <see cref="Entry"/>) to vouch for.</summary>
    /// <remarks>A class, not a tuple: generic code over a struct is compiled at run time in a precompiled forge (a list, LINQ).</remarks>
    private sealed record PendingVouch(int Scan, int Entry, ScanEntry Candidate);

    // The variables templates read, by name, fingerprinted (a loop and a sort of names: LINQ over key/value pairs is
    // compiled at run time in a precompiled forge, ~15 methods at the end of every full compile).
    private List<VariableRead> VariablesRead()
    {
        var names = new List<string>(_environment.Keys);
        names.Sort(StringComparer.Ordinal);
        var variables = new List<VariableRead>(names.Count);
        foreach (var name in names) variables.Add(new VariableRead(name, Fingerprint(_environment[name])));
        return variables;
    }

    // The entry with its hash, or null when it was written after the compile started (the loader
    // may have read an earlier content): a file hashed here has its time read again for that reason.
    private ScanEntry? Vouch(Scan scan, ScanEntry entry, Dictionary<string, SourceText>? loaded)
    {
        if (entry.IsFolder) return entry;
        // Recorded by the last memo with this very size and time, so already vouched for then.
        if (_previousEntries?.GetValueOrDefault(scan)?.GetValueOrDefault(entry.Path) is { Ticks: not -1, Hash.Length: > 0 } known
            && known.Ticks == entry.Ticks && known.Length == entry.Length) return known;
        var path = Scanner.FullPath(scan, entry);
        string hash;
        if (scan.Hashed && loaded is not null && loaded.TryGetValue(path, out var text) && Encoding.UTF8.GetByteCount(text.Text) == entry.Length)
        {
            // The text this compile read is the file's bytes (no byte order mark was dropped: the
            // sizes agree). A file changed since has a time after the start, which the window refuses.
            hash = text.Sha256[..32];
        }
        else
        {
            hash = scan.Hashed ? Scanner.Hash(path) : "";
            if (entry.Ticks == -1) return entry with { Hash = hash };
            if (FileStamp.Of(path) is not { Kind: FileStampKind.File } stamp || stamp.Length != entry.Length || stamp.Ticks != entry.Ticks) return null;
        }
        if (entry.Ticks == -1) return entry with { Hash = hash };
        var window = RacyWindowFor(entry.Ticks);
        return entry.Ticks >= _startedTicks - window.Ticks ? null : entry with { Hash = hash };
    }

    // Every file the load read, by absolute path: its content hash need not be read from disk again.
    private static Dictionary<string, SourceText> LoadedTexts(ProjectSession session)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var unit in session.Project.WithPackages)
        {
            foreach (var file in unit.Files.All) texts[Path.GetFullPath(Path.Combine(unit.Root, file.Path))] = file.Source;
        }
        return texts;
    }

    /// <summary>Every place the loader looks for this project, derived from what it loaded (deduplicated).</summary>
    private List<Scan> Inputs(ProjectSession session)
    {
        var root = session.Project.Root;
        var scans = new List<Scan> { new(root, ScanMode.Yaml) };
        var profiles = new ProjectLoadOptions
        {
            ProjectDirectory = root,
            ProfilesDirectory = session.Options.ProfilesDirectory,
            Environment = _original.GetEnvironmentVariable,
            HomeDirectory = _original.HomeDirectory,
            WorkingDirectory = _original.WorkingDirectory,
        };
        scans.AddRange(ProfilesLoader.Candidates(profiles, root).Select(c => new Scan(Path.Combine(c.Directory, ProfilesLoader.FileName), ScanMode.File)));
        scans.Add(new Scan(Path.GetFullPath(Path.Combine(root, session.Project.ProjectFile.PackagesInstallPath)), ScanMode.Folders));
        foreach (var unit in session.Project.WithPackages)
        {
            if (unit.IsPackage) scans.Add(new Scan(Path.GetFullPath(Path.Combine(root, unit.PackageRoot)), ScanMode.Yaml));
            var file = unit.ProjectFile;
            foreach (var folder in file.ModelPaths.Concat(file.SeedPaths).Concat(file.SnapshotPaths).Concat(file.TestPaths)
                         .Concat(file.MacroPaths).Concat(file.AnalysisPaths).Concat(file.DocsPaths))
                scans.Add(new Scan(Path.GetFullPath(Path.Combine(root, folder)), ScanMode.Tree));
        }
        return scans.Distinct().ToList();
    }
}

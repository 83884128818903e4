namespace ModelForge.Compiler.Diagnostics;

// Codes MF1150…MF1169 (profiles, clean-targets) and MF5910…MF5949 (run-time safety): the places
// where forge used to guess silently or lose data, and now stops and says why.
public static partial class DiagnosticCodes
{
    internal static class Reliability
    {
        public const string ProfileNotFoundCode = "MF1150";
        public const string ProfilesDirMissingCode = "MF1151";
        public const string TargetWithoutProfilesCode = "MF1152";
        public const string UnsafeCleanTargetCode = "MF1153";
        public const string ReservedModelNameCode = "MF5910";
        public const string ArtifactWriteFailedCode = "MF5911";
        public const string CatalogKeptCode = "MF5912";
        public const string HelperNameTakenCode = "MF5914";
        public const string CatalogUnreadableCode = "MF5915";
        public const string BackupKeptCode = "MF5920";

        internal static Diagnostic HelperNameTaken(string helper, string relation) =>
            Diagnostic.Error(HelperNameTakenCode, $"{helper} already exists; forge builds {relation} under that name and will not drop a relation it did not create", null,
                "rename that relation, or drop it if it is left over from a forge run that was killed");

        internal static Diagnostic BackupKept(string relation, string backup, string reason) =>
            Diagnostic.Warning(BackupKeptCode, $"{relation} was replaced, but its previous version {backup} could not be dropped: {reason}", null,
                "a foreign key or a schema-bound view probably still references it; move that reference, then drop the backup by hand (the next run stops while it exists)");

        internal static Diagnostic ProfileNotFound(SourceSpan? at, string profile, IReadOnlyList<string> files, IReadOnlyCollection<string> known)
        {
            var nearest = NameSuggester.Nearest(profile, known);
            var hint = (nearest is null ? "" : $"did you mean '{nearest}'? ")
                + (known.Count == 0 ? "the file has no profiles" : $"known profiles: {string.Join(", ", known)}")
                + "; or remove profiles.yml to use the embedded DuckDB";
            return Diagnostic.Error(ProfileNotFoundCode, $"profile '{profile}' is not in {string.Join(" or ", files)}", at, hint);
        }

        internal static Diagnostic ProfilesDirMissing(string directory, string from, bool folderExists) =>
            Diagnostic.Error(ProfilesDirMissingCode,
                folderExists ? $"{from} folder {directory} has no profiles.yml" : $"{from} folder {directory} does not exist",
                hint: "point it at the folder that holds profiles.yml, or leave it out to use the project folder, ~/.forge/ or ~/.dbt/");

        internal static Diagnostic TargetWithoutProfiles(string target, IEnumerable<string> searched) =>
            Diagnostic.Error(TargetWithoutProfilesCode, $"--target '{target}' was given but no profiles.yml was found",
                hint: $"searched {string.Join(", ", searched)}; pass --profiles-dir, or leave out --target to use the embedded DuckDB");

        internal static Diagnostic UnsafeCleanTarget(SourceSpan? at, string path, string why) =>
            Diagnostic.Error(UnsafeCleanTargetCode, $"clean-targets entry '{path}' {why}; nothing was deleted", at,
                "list only folders forge writes, such as target and dbt_packages");

        internal static Diagnostic ReservedModelName(SourceSpan? at, string name) =>
            Diagnostic.Error(ReservedModelNameCode, $"relation name '{name}' contains '__forge_', which forge reserves for its helper relations", at,
                "rename the model or set another alias");

        internal static Diagnostic ArtifactWriteFailed(string path, string reason) =>
            Diagnostic.Error(ArtifactWriteFailedCode, $"could not write {path}: {reason}",
                hint: "free disk space or fix the folder's permissions; the previous file, if any, was left as it was") with { FilePath = path };

        internal static Diagnostic CatalogKept(string path, string reason) =>
            Diagnostic.Warning(CatalogKeptCode, $"could not read the catalog ({reason}); kept the previous {path}",
                hint: "close the other process holding the database and run `forge docs generate` again") with { FilePath = path };
    }
}

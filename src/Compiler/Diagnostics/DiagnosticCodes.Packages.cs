namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Packages: packages.yml, version resolution, the lock file and installing (MF1800–MF1899).</summary>
    public static class Packages
    {
        public const string BothFilesCode = "MF1801";
        public const string InvalidEntryCode = "MF1802";
        public const string MissingVersionCode = "MF1803";
        public const string NoNamespaceCode = "MF1804";
        public const string InvalidVersionCode = "MF1805";
        public const string VersionConflictCode = "MF1806";
        public const string NoMatchingVersionCode = "MF1807";
        public const string UnknownPackageCode = "MF1808";
        public const string HubUnreachableCode = "MF1809";
        public const string GitFailedCode = "MF1810";
        public const string RevisionConflictCode = "MF1811";
        public const string UnpinnedGitCode = "MF1812";
        public const string LocalNotFoundCode = "MF1813";
        public const string TarballFailedCode = "MF1814";
        public const string NotAProjectCode = "MF1815";
        public const string DuplicateProjectNameCode = "MF1816";
        public const string InstallFailedCode = "MF1817";
        public const string InvalidLockFileCode = "MF1818";
        public const string InvalidAddPackageCode = "MF1819";

        internal static Diagnostic BothFiles(SourceSpan span) =>
            Diagnostic.Error(BothFilesCode, "packages are declared in both packages.yml and dependencies.yml", span,
                "keep the `packages:` list in one of the two files (dbt reads only one)");

        internal static Diagnostic InvalidEntry(SourceSpan? span, string message, string hint) =>
            Diagnostic.Error(InvalidEntryCode, message, span, hint);

        internal static Diagnostic MissingVersion(SourceSpan? span, string package) =>
            Diagnostic.Error(MissingVersionCode, $"hub package '{package}' has no version", span,
                "add `version:` with a version or a range, e.g. version: [\">=1.0.0\", \"<2.0.0\"]");

        internal static Diagnostic NoNamespace(SourceSpan? span, string package) =>
            Diagnostic.Error(NoNamespaceCode, $"hub package '{package}' has no namespace", span,
                "hub packages are named namespace/name, e.g. dbt-labs/dbt_utils");

        internal static Diagnostic InvalidVersion(SourceSpan? span, string text) =>
            Diagnostic.Error(InvalidVersionCode, $"'{text}' is not a version or a version range", span,
                "write a full version (1.2.3) optionally after >=, >, <=, < or =, e.g. \">=1.0.0\"; list several to combine them");

        internal static Diagnostic VersionConflict(SourceSpan? span, string package, string first, string second) =>
            Diagnostic.Error(VersionConflictCode, $"no version of {package} satisfies {first} and {second}", span,
                "widen one of the two ranges, or upgrade the package that requires the other one");

        internal static Diagnostic NoMatchingVersion(SourceSpan? span, string package, string range, IReadOnlyList<string> available, bool prereleases) =>
            Diagnostic.Error(NoMatchingVersionCode, $"no version of {package} matches {range}", span,
                prereleases || available.Count == 0
                    ? "change the version range to one of the published versions"
                    : "change the version range, or set install_prerelease: true to allow prereleases",
                available.Count == 0 ? "the hub lists no installable version" : "installable versions: " + string.Join(", ", available.TakeLast(12)));

        internal static Diagnostic UnknownPackage(SourceSpan? span, string package, string? nearest) =>
            Diagnostic.Error(UnknownPackageCode, $"package '{package}' is not on the package hub", span,
                nearest is null ? "check the name on https://hub.getdbt.com, or install it from git" : $"did you mean '{nearest}'?");

        internal static Diagnostic HubUnreachable(SourceSpan? span, string url, string reason) =>
            Diagnostic.Error(HubUnreachableCode, $"cannot reach the package hub at {url}: {reason}", span,
                "check the network connection, or set DBT_PACKAGE_HUB_URL to a reachable hub");

        internal static Diagnostic GitFailed(SourceSpan? span, string url, string what, string output) =>
            Diagnostic.Error(GitFailedCode, $"git could not {what} {url}", span,
                "check the URL and revision, and that you can clone it with `git clone` yourself", output);

        internal static Diagnostic RevisionConflict(SourceSpan? span, string url, string first, string second) =>
            Diagnostic.Error(RevisionConflictCode, $"git package {url} is required at two revisions: {first} and {second}", span,
                "git packages must name exactly one revision; use the same revision everywhere");

        internal static Diagnostic UnpinnedGit(SourceSpan? span, string url, string how) =>
            Diagnostic.Warning(UnpinnedGitCode, $"git package {url} is {how}", span,
                "pin it to a tag or a commit with `revision:`; set warn-unpinned: false to silence this");

        internal static Diagnostic LocalNotFound(SourceSpan? span, string path) =>
            Diagnostic.Error(LocalNotFoundCode, $"local package folder '{path}' does not exist", span,
                "local: paths are relative to the project folder");

        internal static Diagnostic TarballFailed(SourceSpan? span, string url, string reason) =>
            Diagnostic.Error(TarballFailedCode, $"cannot install the tarball {url}: {reason}", span,
                "the URL must serve a .tar.gz holding one dbt project");

        internal static Diagnostic NotAProject(SourceSpan? span, string package) =>
            Diagnostic.Error(NotAProjectCode, $"package {package} has no dbt_project.yml with a name", span,
                "a package is a dbt project: its folder (or subdirectory:) needs dbt_project.yml with `name:`");

        internal static Diagnostic DuplicateProjectName(SourceSpan? span, string name, string first, string second) =>
            Diagnostic.Error(DuplicateProjectNameCode, $"two packages have the project name '{name}': {first} and {second}", span,
                "remove one of them; installed packages are named by their project name");

        internal static Diagnostic InstallFailed(string path, string reason) =>
            Diagnostic.Error(InstallFailedCode, $"cannot install into {path}: {reason}", hint:
                "close programs that hold files in it open and run forge deps again; packages already installed were left as they were") with { FilePath = path };

        internal static Diagnostic InvalidLockFile(SourceSpan? span, string message) =>
            Diagnostic.Error(InvalidLockFileCode, message, span, "delete package-lock.yml and run forge deps to write it again");

        internal static Diagnostic InvalidAddPackage(string value, string hint) =>
            Diagnostic.Error(InvalidAddPackageCode, $"--add-package '{value}' is not valid", hint: hint) with { FilePath = "--add-package" };
    }
}

namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Installed dbt packages: loading them and using them (MF1200–MF1299).</summary>
    public static class PackageLoading
    {
        public const string PackageNotInstalledCode = "MF1200";
        public const string DeclaredPackageMissingCode = "MF1201";
        public const string RequireDbtVersionCode = "MF1202";
        public const string DuplicatePackageCode = "MF1203";
        public const string FolderWithoutProjectFileCode = "MF1204";
        public const string InvalidVersionRangeCode = "MF1205";

        internal static Diagnostic PackageNotInstalled(SourceSpan span, string package, string? declaredAt, string? nearest) =>
            Diagnostic.Error(PackageNotInstalledCode, $"package '{package}' is not installed", span,
                declaredAt is not null
                    ? $"{declaredAt} declares it: run forge deps to install it"
                    : nearest is not null
                        ? $"did you mean '{nearest}'? Otherwise add '{package}' to packages.yml and run forge deps"
                        : $"add '{package}' to packages.yml and run forge deps");

        internal static Diagnostic DeclaredPackageMissing(SourceSpan span, string package, string installPath) =>
            Diagnostic.Error(DeclaredPackageMissingCode, $"package '{package}' is declared here but not installed in {installPath}/", span,
                "run forge deps to install the declared packages");

        internal static Diagnostic RequireDbtVersion(SourceSpan span, string project, string ranges, string compatible) =>
            Diagnostic.Warning(RequireDbtVersionCode, $"'{project}' requires dbt {ranges}; forge is compatible with dbt {compatible}", span,
                "the project may use features this version lacks; check the package's release notes or pin a version that supports " + compatible);

        internal static Diagnostic DuplicatePackage(SourceSpan span, string package, string other) =>
            Diagnostic.Error(DuplicatePackageCode, $"two projects are named '{package}'", span,
                $"the other is {other}; remove one of them from the packages folder (forge deps reinstalls what packages.yml lists)");

        internal static Diagnostic FolderWithoutProjectFile(string folder) =>
            Diagnostic.Warning(FolderWithoutProjectFileCode, $"{folder}/ has no dbt_project.yml and is not loaded as a package",
                SourceSpan.At(new SourceText(folder, ""), 1, 1), "run forge deps to reinstall packages, or remove the folder");

        internal static Diagnostic InvalidVersionRange(SourceSpan span, string range) =>
            Diagnostic.Warning(InvalidVersionRangeCode, $"cannot read the version range '{range}'", span,
                "write ranges as '>=1.3.0', '<2.0.0' or a list of them");
    }
}

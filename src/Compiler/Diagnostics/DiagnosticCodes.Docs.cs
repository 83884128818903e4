namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Docs site and catalog: `forge docs generate` and `forge docs serve` (MF5600–MF5699).</summary>
    public static class Docs
    {
        public const string CatalogQueryFailedCode = "MF5601";
        public const string UnknownDocCode = "MF5602";
        public const string SiteUnwritableCode = "MF5603";
        public const string SiteMissingCode = "MF5604";
        public const string PortUnavailableCode = "MF5605";
        public const string DuplicateDocCode = "MF5606";

        public static Diagnostic CatalogQueryFailed(string schema, string message) =>
            Diagnostic.Error(CatalogQueryFailedCode, $"cannot read the columns of schema '{schema}' from the warehouse: {message}", null,
                "check the connection with `forge debug`; the site is still written, without column types");

        public static Diagnostic UnknownDoc(SourceSpan? span, string name, string? suggestion) =>
            Diagnostic.Warning(UnknownDocCode, $"doc('{name}') names no docs block", span,
                suggestion is null
                    ? "define it in a .md file under a model path: {% docs " + name + " %}…{% enddocs %}"
                    : $"did you mean '{suggestion}'?");

        public static Diagnostic SiteUnwritable(string path, string message) =>
            Diagnostic.Error(SiteUnwritableCode, $"cannot write the docs site to {path}: {message}", null,
                "check that the target folder is writable");

        public static Diagnostic SiteMissing(string path) =>
            Diagnostic.Error(SiteMissingCode, $"there is no docs site at {path}", null,
                "run `forge docs generate` first");

        public static Diagnostic PortUnavailable(int port, string message) =>
            Diagnostic.Error(PortUnavailableCode, $"cannot listen on 127.0.0.1:{port}: {message}", null,
                "pick another port with --port N");

        public static Diagnostic DuplicateDoc(SourceSpan span, string name, SourceSpan first) =>
            Diagnostic.Warning(DuplicateDocCode, $"docs block '{name}' is defined twice (first at {first})", span,
                "rename one of them; the first definition is used");
    }
}

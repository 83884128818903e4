namespace ModelForge.Compiler.Diagnostics;

// Codes MF1070…MF1089 (a DuckDB profile as dbt-duckdb reads it) and MF6020…MF6039 (applying it on
// a connection). A secret's values never appear in a message: only its name and type.
public static partial class DiagnosticCodes
{
    internal static class DuckDbProfile
    {
        public const string BadExtensionCode = "MF1070";
        public const string BadSecretCode = "MF1071";
        public const string BadAttachmentCode = "MF1072";
        public const string BadSettingCode = "MF1073";
        public const string DatabaseMismatchCode = "MF1074";
        public const string UnsupportedKeyCode = "MF1075";
        public const string ExtensionUnavailableCode = "MF6020";
        public const string AttachFailedCode = "MF6021";
        public const string SecretFailedCode = "MF6022";
        public const string SettingFailedCode = "MF6023";

        internal static Diagnostic BadExtension(SourceSpan span, string why) =>
            Diagnostic.Error(BadExtensionCode, $"DuckDB extension entry {why}", span,
                "write an extension's name (`- json`) or `- name: spatial` with `repo: community`");

        internal static Diagnostic BadSecret(SourceSpan span, string why) =>
            Diagnostic.Error(BadSecretCode, $"DuckDB secret entry {why}", span,
                "write each secret as a mapping with at least `type:`, e.g. `- type: s3` with `key_id:` and `secret:`");

        internal static Diagnostic BadAttachment(SourceSpan span, string why) =>
            Diagnostic.Error(BadAttachmentCode, $"attach entry {why}", span,
                "write `- path: other.duckdb` with optional `alias:`, `type:`, `secret:`, `read_only:` and `options:`");

        internal static Diagnostic BadSetting(SourceSpan span, string key) =>
            Diagnostic.Error(BadSettingCode, $"DuckDB setting '{key}' is not a setting name", span,
                "setting names are letters, digits, '_' and '.', e.g. memory_limit or threads (see `select * from duckdb_settings()`)");

        internal static Diagnostic DatabaseMismatch(SourceSpan span, string database, string derived) =>
            Diagnostic.Error(DatabaseMismatchCode,
                $"'database: {database}' does not name the DuckDB file's catalog '{derived}' nor an attach alias", span,
                $"DuckDB names a file's catalog after the file: set `database: {derived}`, remove `database:`, or give an attached database the alias '{database}'");

        internal static Diagnostic UnsupportedKey(SourceSpan span, string key) =>
            Diagnostic.Warning(UnsupportedKeyCode, $"dbt-duckdb's profile key '{key}' is not supported by forge and is ignored", span,
                "see docs/duckdb.md for what forge does with each dbt-duckdb profile key; remove the key to silence this warning");

        internal static Diagnostic ExtensionUnavailable(SourceSpan? span, string target, string extension, string reason) =>
            Diagnostic.Error(ExtensionUnavailableCode, $"target '{target}': DuckDB extension '{extension}' cannot be loaded", span,
                $"install it once where the network is reachable (`INSTALL {extension}` in DuckDB), copy it into ~/.duckdb/extensions, or remove it from `extensions:`", reason);

        internal static Diagnostic AttachFailed(SourceSpan? span, string target, string path, string reason) =>
            Diagnostic.Error(AttachFailedCode, $"target '{target}': cannot attach {path}", span,
                "check the attach entry's path, type and options; a file another program holds open cannot be attached", reason);

        internal static Diagnostic SecretFailed(SourceSpan? span, string target, string name, string type, string reason) =>
            Diagnostic.Error(SecretFailedCode, $"target '{target}': cannot create DuckDB secret '{name}' of type '{type}'", span,
                "check the secret's type and parameter names; the type's extension (e.g. httpfs for s3) must be listed in `extensions:` or autoloadable", reason);

        internal static Diagnostic SettingFailed(SourceSpan? span, string target, string key, string reason) =>
            Diagnostic.Error(SettingFailedCode, $"target '{target}': DuckDB setting '{key}' cannot be applied", span,
                "check the name and value against `select * from duckdb_settings()`; a setting an extension adds needs that extension in `extensions:`", reason);
    }
}

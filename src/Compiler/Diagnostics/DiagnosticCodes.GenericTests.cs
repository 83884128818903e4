namespace ModelForge.Compiler.Diagnostics;

// Generic tests from packages and namespaced test names (MF3150–MF3199).
public static partial class DiagnosticCodes
{
    public const string TestPackageNotInstalled = "MF3150";
    internal const string TestPackageNotInstalledMessage = "generic test '{0}.{1}' on {2}: package '{0}' is not installed";
    internal const string TestPackageNotInstalledHint = "run forge deps to install the packages in packages.yml (add '{0}' there if it is missing)";
    internal const string TestPackageNotInstalledNearHint = "did you mean '{0}.{1}'? Otherwise run forge deps to install package '{2}'";

    public const string TestArgumentNamedModel = "MF3151";
    internal const string TestArgumentNamedModelMessage = "generic test '{0}' on {1} has an argument named 'model'";
    internal const string TestArgumentNamedModelHint = "remove it: the tested model is passed as 'model' automatically";

    public const string TestNameInvalid = "MF3152";
    internal const string TestNameInvalidMessage = "'{0}' is not a generic test name";
    internal const string TestNameInvalidHint = "write the test as name or package.name, letters, digits and '_' (e.g. dbt_utils.expression_is_true)";

    public const string TestConfigRenderFailed = "MF3153";
    internal const string TestConfigRenderFailedMessage = "config '{0}' of generic test '{1}' on {2} failed to render: {3}";
    internal const string TestConfigRenderFailedHint = "check the Jinja in the test's config value; only functions like var(), env_var() and target are available there";
}

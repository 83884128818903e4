namespace ModelForge.Compiler.Diagnostics;

// Data tests: building test nodes from YAML and test-paths (MF31xx), running them (MF51xx).
public static partial class DiagnosticCodes
{
    public const string UnknownGenericTest = "MF3100";
    internal const string UnknownGenericTestMessage = "unknown generic test '{0}' on {1}";
    internal const string UnknownGenericTestHint = "did you mean '{0}'?";
    internal const string UnknownGenericTestNoMatchHint =
        "built-in tests are unique, not_null, accepted_values and relationships; define others with {{% test {0}(model, column_name) %}} in a macro file";

    public const string GenericTestRenderFailed = "MF3101";
    internal const string GenericTestRenderFailedMessage = "generic test '{0}' on {1} failed to render: {2}";
    internal const string GenericTestRenderFailedHint = "check the test's arguments in the YAML and the test macro's parameters";

    public const string TestQueryFailed = "MF5100";
    internal const string TestQueryFailedMessage = "database error in test '{0}': {1}";
    internal const string TestQueryFailedHint = "fix the test's SQL (or, for a generic test, its arguments and where config); the compiled SQL shows what was sent";

    public const string TestThresholdInvalid = "MF5101";
    internal const string TestThresholdInvalidMessage = "test '{0}' has {1}: '{2}', which is not a comparison";
    internal const string TestThresholdInvalidHint = "write a comparison against the failing-row count, e.g. '>10', '!= 0' or '>= 5'";

    public const string TestLimitInvalid = "MF5102";
    internal const string TestLimitInvalidMessage = "test '{0}' has limit: '{1}', which is not a whole number";
    internal const string TestLimitInvalidHint = "set limit to the most failing rows to count, e.g. limit: 100";

    public const string StoreFailuresAsInvalid = "MF6140";
    internal const string StoreFailuresAsInvalidMessage = "test '{0}' has store_failures_as: '{1}', which is not table, view or ephemeral";
    internal const string StoreFailuresAsInvalidHint = "set store_failures_as to table or view to keep the failing rows, or ephemeral to keep none";
}

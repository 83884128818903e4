namespace ModelForge.Compiler.Diagnostics;

// Templating limits (MF2300–MF2329): bounds that turn runaway or hostile templates into errors
// instead of a crash (stack overflow, out of memory) or a hang.
public static partial class DiagnosticCodes
{
    /// <summary>Parentheses, brackets, calls, <c>not</c> or blocks nested deeper than the parser allows.</summary>
    public const string TemplateNestedTooDeeply = "MF2300";

    /// <summary>One expression with more operators, filters or attribute steps in a chain than the engine allows.</summary>
    public const string TemplateExpressionTooLong = "MF2301";

    /// <summary>Evaluation ran out of stack (deep macro or include nesting with deep expressions).</summary>
    public const string TemplateStackExhausted = "MF2302";

    /// <summary>A render did more loop iterations and calls than its evaluation budget allows.</summary>
    public const string TemplateWorkBudgetExceeded = "MF2303";

    /// <summary>A render produced (or built a string) larger than its output budget.</summary>
    public const string TemplateOutputBudgetExceeded = "MF2304";

    /// <summary>A built-in filter, method or function failed on its input.</summary>
    public const string TemplateBuiltinFailed = "MF2305";

    /// <summary>A regular expression ran longer than its time limit.</summary>
    public const string TemplateRegexTimeout = "MF2306";

    /// <summary>A string escape that names no character (<c>\U00110000</c>) or a lone surrogate (<c>\ud800</c>).</summary>
    public const string TemplateBadEscape = "MF2307";

    /// <summary>A list, dict or namespace that contains itself was printed or serialized.</summary>
    public const string TemplateCircularValue = "MF2308";
}

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

// The evaluation budget and the safety net under built-ins. The parser bounds the depth of each
// template's tree; macro, include and caller nesting multiply it, so each body also checks the
// stack that is left (an overflow cannot be caught in .NET; this check throws while it still can).
internal sealed partial class Evaluator
{
    private long _steps;

    /// <summary>Counts one loop iteration or call against the render's budget.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Step(SourceSpan span)
    {
        if (++_steps > Context.MaxSteps) throw WorkBudgetExceeded(span, Context.MaxSteps);
    }

    private static DiagnosticException WorkBudgetExceeded(SourceSpan span, long budget) =>
        RenderErrors.Error(DiagnosticCodes.TemplateWorkBudgetExceeded, span,
            $"the render exceeded its evaluation budget of {budget:N0} steps (loop iterations and calls)",
            TemplateLimits.StepsHint(budget));

    private static void EnsureStack(SourceSpan span)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateStackExhausted, span,
                "the render is nested too deeply (macros, includes and expressions inside each other) for the stack",
                "a macro probably calls itself without end, or templates include each other; simplify the nesting");
        }
    }

    /// <summary>
    /// Exceptions a built-in or host function may throw on bad input. They become a diagnostic at
    /// the statement being run instead of crashing the process; control flow (DiagnosticException,
    /// MacroReturn) and cancellation pass through.
    /// </summary>
    private static bool IsBuiltinFailure(Exception error) => error is ArgumentException or OverflowException
        or RegexMatchTimeoutException or OutOfMemoryException or ValueTooLargeException or CircularValueException or InsufficientExecutionStackException
        or IndexOutOfRangeException or InvalidCastException or FormatException or ArithmeticException
        or System.Text.DecoderFallbackException or System.Text.EncoderFallbackException;

    private static DiagnosticException BuiltinFailure(Exception error, SourceSpan span) => error switch
    {
        RegexMatchTimeoutException timeout => RenderErrors.Error(DiagnosticCodes.TemplateRegexTimeout, span,
            $"the regular expression '{timeout.Pattern}' ran longer than its limit of {timeout.MatchTimeout.TotalSeconds:0.#} s",
            "the pattern probably backtracks catastrophically (e.g. nested repeats like (a+)+); make it more specific"),
        CircularValueException => RenderErrors.Error(DiagnosticCodes.TemplateCircularValue, span,
            $"the value contains itself (or is nested more than {CircularValueException.MaxDepth} levels deep) and cannot be serialized",
            "a list or dict was appended to itself; serialize a copy without the self-reference"),
        OutOfMemoryException or ValueTooLargeException => RenderErrors.Error(DiagnosticCodes.TemplateOutputBudgetExceeded, span,
            "the statement built a value too large for memory", TemplateLimits.OutputHint),
        InsufficientExecutionStackException => RenderErrors.Error(DiagnosticCodes.TemplateStackExhausted, span,
            "a value is nested too deeply to process (or contains itself)", "flatten the value"),
        _ => RenderErrors.Error(DiagnosticCodes.TemplateBuiltinFailed, span,
            $"a built-in failed on its input: {FirstLine(error.Message)}",
            "check the arguments passed to the filters, methods and functions of this statement"),
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>The text of a string value about to be built, checked against the output budget.</summary>
    internal static void CheckLength(Int128 length, SourceSpan span)
    {
        if (length > TemplateLimits.MaxOutputChars) throw OutputBudgetExceeded(length.ToString("N0"), span);
    }

    // The long forms are what every concatenation and output write call: a method that passes an Int128 is not
    // precompiled (the type's layout may change between .NET versions) and would be compiled at run time.
    /// <summary>As the Int128 form, for a length that cannot overflow a long.</summary>
    internal static void CheckLength(long length, SourceSpan span)
    {
        if (length > TemplateLimits.MaxOutputChars) throw OutputBudgetExceeded(length, span);
    }

    internal static DiagnosticException OutputBudgetExceeded(long length, SourceSpan span) => OutputBudgetExceeded(length.ToString("N0"), span);

    private static DiagnosticException OutputBudgetExceeded(string length, SourceSpan span) =>
        RenderErrors.Error(DiagnosticCodes.TemplateOutputBudgetExceeded, span,
            $"the render would build {length} characters, more than its output budget of {TemplateLimits.MaxOutputChars:N0}",
            TemplateLimits.OutputHint);
}

namespace ModelForge.Compiler.Diagnostics;

// Templating (MF2xxx): MF20xx are syntax errors found while parsing, MF21xx are errors that abort a render.
public static partial class DiagnosticCodes
{
    /// <summary>A block tag was never closed before the end of the template.</summary>
    public const string TemplateUnexpectedEnd = "MF2001";

    /// <summary>An end tag or <c>else</c>/<c>elif</c> that does not match the innermost open block.</summary>
    public const string TemplateUnexpectedTag = "MF2002";

    /// <summary>A tag name that is not a statement.</summary>
    public const string TemplateUnknownTag = "MF2003";

    /// <summary>A filter name that does not exist.</summary>
    public const string TemplateUnknownFilter = "MF2004";

    /// <summary>A test name (after <c>is</c>) that does not exist.</summary>
    public const string TemplateUnknownTest = "MF2005";

    /// <summary>A token that does not fit the expression or statement being parsed.</summary>
    public const string TemplateUnexpectedToken = "MF2006";

    /// <summary>A string literal without its closing quote.</summary>
    public const string TemplateUnclosedString = "MF2007";

    /// <summary>A <c>{#</c> comment without <c>#}</c>.</summary>
    public const string TemplateUnclosedComment = "MF2008";

    /// <summary>A <c>{{</c> or <c>{%</c> without its closing delimiter.</summary>
    public const string TemplateUnclosedTag = "MF2009";

    /// <summary>A character that cannot start any token inside a tag.</summary>
    public const string TemplateBadCharacter = "MF2010";

    /// <summary>Something that cannot be assigned to (e.g. <c>set 1 = 2</c>).</summary>
    public const string TemplateInvalidAssignment = "MF2011";

    /// <summary><c>break</c>/<c>continue</c> outside of a loop.</summary>
    public const string TemplateLoopControlOutsideLoop = "MF2012";

    /// <summary>A name is read but does not exist (rendering, calling, iterating or computing with it).</summary>
    public const string TemplateUndefined = "MF2101";

    /// <summary>Wrong number of arguments, or an unexpected keyword argument.</summary>
    public const string TemplateBadArguments = "MF2102";

    /// <summary>Division or modulo by zero.</summary>
    public const string TemplateDivisionByZero = "MF2103";

    /// <summary>An operation on values of the wrong type.</summary>
    public const string TemplateTypeError = "MF2104";

    /// <summary>Calling something that is not a macro or function.</summary>
    public const string TemplateNotCallable = "MF2105";

    /// <summary>A template named by import/include/from that the loader does not find.</summary>
    public const string TemplateNotFound = "MF2106";

    /// <summary>A value that has the right type but cannot be used (e.g. a bad index).</summary>
    public const string TemplateValueError = "MF2107";

    /// <summary><c>return()</c> outside of any macro.</summary>
    public const string TemplateReturnOutsideMacro = "MF2108";

    /// <summary>Macros that call themselves without end.</summary>
    public const string TemplateRecursionLimit = "MF2109";
}

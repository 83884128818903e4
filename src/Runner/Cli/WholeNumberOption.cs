using System.CommandLine;
using System.Globalization;

namespace ModelForge.Runner.Cli;

/// <summary>
/// A whole-number option (<c>--threads</c>, <c>--port</c>, <c>--limit</c>), its text checked and read here. Not
/// System.CommandLine's <c>Option&lt;int&gt;</c> or <c>Option&lt;int?&gt;</c>: generic code over a value type that no
/// precompiled image holds, compiled at run time (a dozen methods) in every invocation, since each builds every
/// command's options, while the memo's stats wait for the core.
/// </summary>
internal sealed class WholeNumberOption
{
    private readonly int? _default;

    /// <param name="expected">What the value must be, for the error: "a whole number from 1 up".</param>
    /// <param name="example">A value for the error's hint.</param>
    /// <param name="defaultValue">The value when the option is absent; null: absent stays null.</param>
    public WholeNumberOption(string name, string description, int min, int max, string expected, string example, int? defaultValue = null)
    {
        _default = defaultValue;
        Option = new Option<string>(name) { Description = description };
        if (defaultValue is { } value) Option.DefaultValueFactory = _ => value.ToString(CultureInfo.InvariantCulture);
        Option.CustomParser = result => OptionRules.ParseWholeNumber(result, name, min, max, expected, example)?.ToString(CultureInfo.InvariantCulture);
    }

    public Option<string> Option { get; }

    /// <summary>The value given, else the default (null when the option has none).</summary>
    public int? ValueIn(ParseResult parse) =>
        parse.GetValue(Option) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : _default;
}

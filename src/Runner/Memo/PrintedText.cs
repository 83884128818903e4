namespace ModelForge.Runner.Memo;

/// <summary>Text an invocation printed, to standard error or output, as the memo keeps it for a replay.</summary>
/// <remarks>A class: generic code over a struct of forge's is compiled at run time outside the self-contained form.</remarks>
internal sealed record PrintedText(bool Error, string Text);

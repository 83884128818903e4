namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>How an argument was written in a call.</summary>
internal enum ArgumentKind
{
    Positional,
    Named,
    Star,
    DoubleStar,
}

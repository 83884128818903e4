namespace ModelForge.Compiler.Templating.Lexing;

/// <summary>
/// One token: its kind, where it is in the source (0-based offset and length) and, for names,
/// strings and numbers, its value (string, long or double). Data tokens carry no value: their
/// text is the source range, so output maps back character for character.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, object? Value = null)
{
    public int End => Start + Length;

    public bool IsName(string name) => Kind == TokenKind.Name && (string)Value! == name;
}

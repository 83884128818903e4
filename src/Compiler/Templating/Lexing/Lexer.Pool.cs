using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Lexing;

// Per-thread reuse of the token list and of name strings: a 10k-model parse otherwise allocates a
// token array and a substring per name for every template, all garbage once the parser is done.
internal sealed partial class Lexer
{
    // Enough for any plain model; a bigger list is dropped instead of kept for the thread's lifetime.
    private const int MaxPooledTokens = 4096;
    private const int MaxInternedNames = 4096;
    private const int MaxInternedLength = 64;

    [ThreadStatic] private static TokenList? t_tokens;
    [ThreadStatic] private static StringPool? t_names;

    private static TokenList RentTokens()
    {
        var tokens = t_tokens;
        // Null while a list is rented: a nested tokenize on the same thread gets its own.
        if (tokens is null) return new TokenList(64);
        t_tokens = null;
        return tokens;
    }

    /// <summary>Hands back a list from <see cref="Tokenize"/>; the caller must not read it afterwards.</summary>
    public static void Release(TokenList tokens)
    {
        if (tokens.Capacity > MaxPooledTokens) return;
        tokens.Clear();
        t_tokens = tokens;
    }

    /// <summary>
    /// The name (or string literal) as a string, shared with earlier equal ones on this thread (names repeat: ref, config,
    /// is_incremental…; literals too: 'view', the refs of a project's busiest models).
    /// </summary>
    private string Name(int start, int length) =>
        (t_names ??= new StringPool(MaxInternedLength, MaxInternedNames)).Get(_text.AsSpan(start, length));
}

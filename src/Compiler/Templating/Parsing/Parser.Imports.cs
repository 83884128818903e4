using ModelForge.Compiler.Templating.Lexing;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Parsing;

// import / from … import / include, and dbt's own block tags.
internal sealed partial class Parser
{
    private Statement ParseImport(Token begin)
    {
        var name = ParseExpression();
        ExpectKeyword("as");
        var alias = ExpectName("a name for the imported module");
        SkipContextModifier();
        return new ImportStatement(name, alias, CloseHeader(begin));
    }

    private Statement ParseFromImport(Token begin)
    {
        var templateName = ParseExpression();
        ExpectKeyword("import");
        var names = new List<ImportName>();
        while (true)
        {
            if (names.Count > 0 && !Accept(TokenKind.Comma)) break;
            if (IsContextModifier() || Current.Kind == TokenKind.BlockEnd) break;
            var token = Expect(TokenKind.Name, "a name to import");
            var name = (string)token.Value!;
            var alias = AcceptName("as") ? ExpectName("an alias") : name;
            names.Add(new ImportName(name, alias, SpanFrom(token.Start)));
        }
        SkipContextModifier();
        return new FromImportStatement(templateName, names, CloseHeader(begin));
    }

    private Statement ParseInclude(Token begin)
    {
        var name = ParseExpression();
        var ignoreMissing = false;
        if (Current.IsName("ignore") && Peek().IsName("missing"))
        {
            Advance();
            Advance();
            ignoreMissing = true;
        }
        SkipContextModifier();
        return new IncludeStatement(name, ignoreMissing, CloseHeader(begin));
    }

    private bool IsContextModifier() =>
        (Current.IsName("with") || Current.IsName("without")) && Peek().IsName("context");

    // Imports never see the importer's locals here (Jinja's default); "with context" is accepted and ignored.
    private void SkipContextModifier()
    {
        if (!IsContextModifier()) return;
        Advance();
        Advance();
    }

    /// <summary>
    /// dbt: <c>{% test name(args) %}</c> defines the macro <c>test_name</c>; dbt 1.8 also spells it
    /// <c>{% data_test name(args) %}…{% enddata_test %}</c>.
    /// </summary>
    private Statement ParseTestBlock(string tag, Token begin)
    {
        var name = ExpectName("a test name");
        var parameters = ParseParameters();
        var open = CloseHeader(begin);
        return new MacroStatement(ParseMacroBody("test_" + name, parameters, tag, open), SpanFrom(begin.Start));
    }

    /// <summary>dbt: <c>{% materialization name, adapter='x' %}</c> defines <c>materialization_name_x</c>.</summary>
    private Statement ParseMaterialization(Token begin)
    {
        var name = ExpectName("a materialization name");
        var adapter = "default";
        while (Accept(TokenKind.Comma))
        {
            // dbt's global project writes `{% materialization view, default %}` for the default adapter.
            if (Current.IsName("default") && Peek().Kind != TokenKind.Assign)
            {
                Advance();
                continue;
            }
            var key = ExpectName("'adapter=' or 'supported_languages='");
            Expect(TokenKind.Assign, "'='");
            var valueToken = Current;
            var value = ParseExpression();
            if (key == "adapter")
            {
                if (value is not LiteralExpression { Value: string adapterName })
                {
                    throw Fail(valueToken, "the adapter of a materialization must be a string literal", "write adapter='duckdb'");
                }
                adapter = adapterName;
            }
        }
        var open = CloseHeader(begin);
        var macroName = $"materialization_{name}_{adapter}";
        return new MacroStatement(ParseMacroBody(macroName, [], "materialization", open), SpanFrom(begin.Start));
    }

    /// <summary>dbt: <c>{% snapshot name %}</c> and <c>{% docs name %}</c> blocks.</summary>
    private Statement ParseDbtBlock(string kind, Token begin)
    {
        var name = ExpectName($"a {kind} name");
        var open = CloseHeader(begin);
        var body = ParseBlockBody(kind, open, EndTagsOf(kind), out var end);
        if (end is not null) ExpectEndTagClose();
        return new DbtBlockStatement(kind, name, body, SpanFrom(begin.Start));
    }
}

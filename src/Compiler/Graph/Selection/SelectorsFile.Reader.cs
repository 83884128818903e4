using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Graph.Selection;

public sealed partial class SelectorsFile
{
    /// <summary>Turns one YAML definition into a selector expression, positions pointing into selectors.yml.</summary>
    private sealed class Reader(SourceText source, DiagnosticBag diagnostics)
    {
        public SourceSpan SpanOf(YamlNode node) =>
            SourceSpan.At(source, (int)node.Start.Line, (int)node.Start.Column, Math.Max(0, (int)(node.End.Index - node.Start.Index)));

        public SelectorExpression? Expression(YamlNode node)
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    var span = SpanOf(scalar);
                    // Quoted scalars start at the quote; the text inside is one further.
                    var start = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? span.Start + 1 : span.Start;
                    var value = scalar.Value ?? "";
                    if (start + value.Length <= source.Text.Length && string.CompareOrdinal(source.Text, start, value, 0, value.Length) == 0)
                        return SelectorParser.Parse(source, start, start + value.Length, diagnostics);
                    return SelectorParser.Parse(new SourceText(source.Path, value), diagnostics);
                case YamlMappingNode map:
                    return Mapping(map);
                default:
                    diagnostics.Add(DiagnosticCodes.Selection.BadSelectorDefinition(SpanOf(node), "expected a string or a mapping"));
                    return null;
            }
        }

        private SelectorExpression? Mapping(YamlMappingNode map)
        {
            if (Child(map, "union") is { } union) return Combine(union, intersect: false);
            if (Child(map, "intersection") is { } intersection) return Combine(intersection, intersect: true);
            if (Child(map, "method") is YamlScalarNode { Value: { } method })
            {
                var value = (Child(map, "value") as YamlScalarNode)?.Value;
                if (string.IsNullOrEmpty(value))
                {
                    diagnostics.Add(DiagnosticCodes.Selection.BadSelectorDefinition(SpanOf(map), $"method '{method}' has no value"));
                    return null;
                }
                var parents = Flag(map, "parents") ? Depth(map, "parents_depth") : 0;
                var children = Flag(map, "children") ? Depth(map, "children_depth") : 0;
                var criterion = new SelectorCriterion(method, value, parents, children, Flag(map, "childrens_parents"), SpanOf(map)) { ExplicitMethod = true };
                return Excluding(map, criterion);
            }
            // Shorthand: {tag: nightly}, {path: models/staging}.
            if (map.Children.Count == 1 && map.Children.First() is { Key: YamlScalarNode { Value: { } key }, Value: YamlScalarNode { Value: { } shorthand } })
                return new SelectorCriterion(key, shorthand, 0, 0, false, SpanOf(map)) { ExplicitMethod = true };
            diagnostics.Add(DiagnosticCodes.Selection.BadSelectorDefinition(SpanOf(map), "expected method/value, union or intersection"));
            return null;
        }

        /// <summary>union/intersection items; <c>{exclude: [...]}</c> items are subtracted from the result.</summary>
        private SelectorExpression? Combine(YamlNode items, bool intersect)
        {
            if (items is not YamlSequenceNode list)
            {
                diagnostics.Add(DiagnosticCodes.Selection.BadSelectorDefinition(SpanOf(items), "union and intersection take a list"));
                return null;
            }
            var parts = new List<SelectorExpression>();
            var excluded = new List<SelectorExpression>();
            foreach (var item in list.Children)
            {
                if (item is YamlMappingNode m && m.Children.Count == 1 && Child(m, "exclude") is { } exclude)
                {
                    if (exclude is YamlSequenceNode excludes)
                    {
                        foreach (var e in excludes.Children) if (Expression(e) is { } x) excluded.Add(x);
                    }
                    else if (Expression(exclude) is { } x) excluded.Add(x);
                    continue;
                }
                if (Expression(item) is { } part) parts.Add(part);
            }
            if (parts.Count == 0) return null;
            SelectorExpression combined = parts.Count == 1 ? parts[0] : intersect ? new SelectorIntersection(parts) : new SelectorUnion(parts);
            return excluded.Count == 0 ? combined : new SelectorDifference(combined, excluded.Count == 1 ? excluded[0] : new SelectorUnion(excluded));
        }

        private SelectorExpression Excluding(YamlMappingNode map, SelectorExpression expression)
        {
            if (Child(map, "exclude") is not YamlSequenceNode excludes) return expression;
            var excluded = excludes.Children.Select(Expression).OfType<SelectorExpression>().ToList();
            return excluded.Count == 0 ? expression : new SelectorDifference(expression, new SelectorUnion(excluded));
        }

        private static bool Flag(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode { Value: "true" or "True" };

        private static int Depth(YamlMappingNode map, string key) =>
            Child(map, key) is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth > 0
                ? depth
                : int.MaxValue;
    }
}

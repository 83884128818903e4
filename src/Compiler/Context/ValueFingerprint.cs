using System.Collections;
using System.Globalization;
using System.Text;

namespace ModelForge.Compiler.Context;

/// <summary>
/// A canonical text for the plain values templates read (vars, configs, test arguments): equal
/// values give equal text. Null when a value holds something whose text would not say what it is
/// (a function, a relation object…): the reader of such a value is not cached.
/// </summary>
internal static class ValueFingerprint
{
    // Relations are immutable and a node's is the one every ref to it returns: each one's text is
    // made once per process, not once per ref of every render (likewise the few quoting settings).
    // By reference, in a concurrent table: a ConditionalWeakTable adds each of 10,000 relations
    // under one lock, and the compile cache's check on both cores queued on it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Relation, string> RelationText = new(ReferenceEqualityComparer.Instance);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RelationQuoting, string> QuotingText = new();

    // Record equality covers every part a template can read (database, schema, type, quoting…).
    private static string RelationTextOf(Relation relation)
    {
        // The thread's builder (as Of), not one per relation: 10,000 relations each made and dropped a 640-byte buffer.
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        try
        {
            builder.Append('R');
            Append(builder, relation.Database, 0);
            Append(builder, relation.Schema, 0);
            Append(builder, relation.Identifier, 0);
            Append(builder, relation.Type, 0);
            builder.Append(QuotingText.GetValue(relation.Quoting, q => q.ToString())).Append(relation.IncludeSchema).Append(relation.IncludeIdentifier);
            Append(builder, relation.EmptyForm, 0);
            return builder.ToString();
        }
        finally
        {
            builder.Clear();
            if (builder.Capacity <= 64 * 1024) t_builder = builder;
        }
    }

    /// <summary>As <see cref="Of"/> for a relation: its text made once, returned without a copy (every ref and source records one).</summary>
    public static string OfRelation(Relation relation) => RelationText.GetOrAdd(relation, RelationTextOf);

    // Every render fingerprints its config and relations: one builder per thread, not one (and its growth) per value.
    [ThreadStatic] private static StringBuilder? t_builder;

    public static string? Of(object? value)
    {
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        try
        {
            return Append(builder, value, 0) ? builder.ToString() : null;
        }
        finally
        {
            builder.Clear();
            if (builder.Capacity <= 64 * 1024) t_builder = builder;
        }
    }

    /// <summary>Whether <see cref="Of"/> gives <paramref name="recorded"/>, without making the string.</summary>
    public static bool Matches(object? value, string recorded)
    {
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        try
        {
            return Append(builder, value, 0) && builder.Equals(recorded.AsSpan());
        }
        finally
        {
            builder.Clear();
            if (builder.Capacity <= 64 * 1024) t_builder = builder;
        }
    }

    private static bool Append(StringBuilder builder, object? value, int depth)
    {
        if (depth > 32) return false;
        switch (value)
        {
            case null:
                builder.Append('~');
                return true;
            case string s:
                builder.Append('"').Append(s.Length).Append(':').Append(s);
                return true;
            case bool b:
                builder.Append(b ? "T" : "F");
                return true;
            case long or int or short or byte:
                builder.Append('i').Append(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return true;
            case double or float or decimal:
                builder.Append('d').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return true;
            case Relation relation:
                builder.Append(OfRelation(relation));
                return true;
            case Dictionary<string, object?> dictionary:
                // A node's config: enumerated without boxing an enumerator (same text as the case below).
                builder.Append('{');
                foreach (var (key, item) in dictionary)
                {
                    builder.Append(key.Length).Append(':').Append(key).Append('=');
                    if (!Append(builder, item, depth + 1)) return false;
                    builder.Append(',');
                }
                builder.Append('}');
                return true;
            case IEnumerable<KeyValuePair<string, object?>> map:
                builder.Append('{');
                foreach (var (key, item) in map)
                {
                    builder.Append(key.Length).Append(':').Append(key).Append('=');
                    if (!Append(builder, item, depth + 1)) return false;
                    builder.Append(',');
                }
                builder.Append('}');
                return true;
            case IList list:
                builder.Append('[');
                foreach (var item in list)
                {
                    if (!Append(builder, item, depth + 1)) return false;
                    builder.Append(',');
                }
                builder.Append(']');
                return true;
            default:
                return false;
        }
    }
}

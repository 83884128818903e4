using System.Collections;
using System.Globalization;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Artifacts;

/// <summary>What a JSON value of the compiler's value model is made of, in the order it is written.</summary>
internal interface IJsonValueVisitor
{
    void Null();
    void String(string? value);
    void Utf8String(ReadOnlySpan<byte> value);
    void Bool(bool value);
    void Number(long value);
    void Number(int value);
    void Number(double value);
    void Number(decimal value);
    void StartObject();
    void PropertyName(string name);
    void EndObject();
    void StartArray();
    void EndArray();
}

/// <summary>
/// The one walk over the value model (dicts, lists, scalars) that both writes a value as JSON
/// (<see cref="JsonValueWriter"/>) and hashes it for the manifest's fragment reuse
/// (<see cref="NodeHashSink"/>): what one sees, the other sees, call for call.
/// </summary>
internal static class JsonValueWalk
{
    // Generic over a struct visitor: each use is compiled for its visitor, with no interface calls.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Walk<TVisitor>(TVisitor visitor, object? value) where TVisitor : struct, IJsonValueVisitor
    {
        switch (value)
        {
            case null or Undefined:
                visitor.Null();
                break;
            case string s:
                visitor.String(s);
                break;
            case Utf8Text utf8:
                visitor.Utf8String(utf8.Bytes.Span);
                break;
            case bool b:
                visitor.Bool(b);
                break;
            case long l:
                visitor.Number(l);
                break;
            case int i:
                visitor.Number(i);
                break;
            case double d when double.IsFinite(d):
                visitor.Number(d);
                break;
            case double d:
                visitor.String(d.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal m:
                visitor.Number(m);
                break;
            // The manifest's own shapes first: their struct enumerators cost no allocation per object.
            case Dictionary<string, object?> dict:
                visitor.StartObject();
                foreach (var (key, item) in dict)
                {
                    visitor.PropertyName(key);
                    Walk(visitor, item);
                }
                visitor.EndObject();
                break;
            case List<object?> list and not ITemplateObject:
                visitor.StartArray();
                foreach (var item in list) Walk(visitor, item);
                visitor.EndArray();
                break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                visitor.StartObject();
                foreach (var (key, item) in dict)
                {
                    visitor.PropertyName(key);
                    Walk(visitor, item);
                }
                visitor.EndObject();
                break;
            case IEnumerable list and not ITemplateObject:
                visitor.StartArray();
                foreach (var item in list) Walk(visitor, item);
                visitor.EndArray();
                break;
            default:
                visitor.String(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

using System.Reflection;
using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.PublicApi;

/// <summary>
/// The public members of ModelForge.Compiler, as an approved list: a change to what Runner and
/// other consumers can reach shows up in review (FORGE_UPDATE_GOLDEN=1 accepts it).
/// </summary>
public sealed class PublicApiTests
{
    [Test]
    public void Public_surface_matches_the_approved_list() =>
        GoldenFile.Verify("tests/Compiler.Tests/PublicApi/PublicApi.verified.txt", Describe(typeof(Diagnostic).Assembly));

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type)).Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m is not Type)
                .Select(Member)
                .Order(StringComparer.Ordinal);
            foreach (var member in members) text.Append("  ").Append(member).Append('\n');
        }
        return text.ToString();
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}({Parameters(m)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? "set; " : "")}}}",
        FieldInfo f => $"{(f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {e.Name}",
        _ => member.Name,
    };

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter) return type.Name;
        if (type.IsByRef) return Name(type.GetElementType()!) + "&";
        if (type.IsArray) return Name(type.GetElementType()!) + "[]";
        var name = type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : type.FullName ?? type.Name;
        if (!type.IsGenericType) return name;
        var bare = name[..name.IndexOf('`')];
        return $"{bare}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}

using System.Collections.Concurrent;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

internal sealed partial class RelationNamer
{
    /// <summary>A project's override of one naming macro, with its results by custom name when it may be memoised.</summary>
    private sealed class Override(Macro macro, bool memoisable)
    {
        // Results by custom name, and apart from them the result for none (null differs from every string). Keyed by
        // the string itself: a table keyed by a struct (a name with a has-value flag) has no precompiled code.
        private readonly ConcurrentDictionary<string, string>? _byName = memoisable ? new(StringComparer.Ordinal) : null;
        private string? _forNone;

        public Macro Macro { get; } = macro;

        /// <summary>False when the macro may read more than its custom name and <c>target</c>: its results are not kept.</summary>
        public bool Memoisable => _byName is not null;

        public bool TryGetKnown(string? custom, out string result)
        {
            result = custom is null ? Volatile.Read(ref _forNone)! : _byName!.TryGetValue(custom, out var known) ? known : null!;
            return result is not null;
        }

        /// <summary>Keeps a result; when two threads computed one, the first kept stays.</summary>
        public void Remember(string? custom, string result)
        {
            if (custom is null) Interlocked.CompareExchange(ref _forNone, result, null);
            else _byName!.TryAdd(custom, result);
        }

        /// <summary>The root project's (or a package's) override of <paramref name="name"/>; null for the built-in.</summary>
        public static Override? Find(MacroRegistry macros, string name)
        {
            if (macros.Find(name, macros.RootPackage) is not { } found || found.Package == MacroRegistry.BuiltinPackage) return null;
            var memoisable = found.Macro is TemplateMacro template && ArgumentOnlyAnalyzer.DependsOnlyOnArgument(template.Definition);
            return new Override(found.Macro, memoisable);
        }
    }
}

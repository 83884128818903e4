using System.Collections.Concurrent;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

internal sealed partial class RelationNamer
{
    /// <summary>A project's override of one naming macro, with its results by custom name when it may be memoised.</summary>
    private sealed class Override(Macro macro, bool memoisable)
    {
        /// <summary>A custom name as the memo keys it: null (<c>none</c>) differs from every string.</summary>
        public readonly record struct Key(bool HasValue, string Value);

        public Macro Macro { get; } = macro;

        /// <summary>Null when the macro may read more than its custom name and <c>target</c>.</summary>
        public ConcurrentDictionary<Key, string>? Memo { get; } = memoisable ? new() : null;

        /// <summary>The root project's (or a package's) override of <paramref name="name"/>; null for the built-in.</summary>
        public static Override? Find(MacroRegistry macros, string name)
        {
            if (macros.Find(name, macros.RootPackage) is not { } found || found.Package == MacroRegistry.BuiltinPackage) return null;
            var memoisable = found.Macro is TemplateMacro template && ArgumentOnlyAnalyzer.DependsOnlyOnArgument(template.Definition);
            return new Override(found.Macro, memoisable);
        }
    }
}

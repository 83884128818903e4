using System.Collections.Concurrent;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Caching;

internal sealed partial class CompileCache
{
    /// <summary>
    /// The check of recorded inputs, with what each reads now looked up once per package rather than
    /// once per node (a macro's fingerprint, a var, a ref): only the node's own globals
    /// (<see cref="InputCheck.DependsOnNode"/>) are looked up per node. Thread-safe: two threads may
    /// look the same input up, and both find the same.
    /// </summary>
    private sealed class InputMemo(StringTable table)
    {
        // Stands for "cannot be read now" (InputCheck.Current gave null): never equal to a record.
        private static readonly string Unreadable = new('\u0001', 1);

        private readonly ConcurrentDictionary<string, PerPackage> _byPackage = new(StringComparer.Ordinal);
        private readonly Lazy<PerNode[]> _perNode = new(() =>
        {
            // A loop, not Range().Select(): that LINQ over ints is compiled at run time in a precompiled forge.
            var perNode = new PerNode[table.Count];
            for (var i = 0; i < perNode.Length; i++) perNode[i] = PerNode.Of(table[i]);
            return perNode;
        });

        public bool Holds(NodeCompiler compiler, ProjectNode node, Entry entry)
        {
            var byPackage = _byPackage.GetOrAdd(node.PackageName, _ => new PerPackage(table.Count));
            var current = byPackage.Now;
            var perNode = _perNode.Value;
            NodeRenderInfo? info = null;
            for (var i = 0; i < entry.Names.Length; i++)
            {
                var name = entry.Names[i];
                string? now;
                if (perNode[name].Global is var (package, global))
                {
                    // Nearly every node records `config`: read from the node itself, not from a render's info built for it.
                    var (self, config, phase) = NodeCompiler.GlobalsFor(node);
                    if (!RenderInputs.GlobalMatches(compiler.Info, self, config, phase, package, global, table[entry.Values[i]])) return false;
                    continue;
                }
                if (perNode[name].Depends)
                {
                    now = InputCheck.Current(compiler.Info, info ??= compiler.InfoFor(node), table[name]);
                }
                else
                {
                    // Thousands of nodes record the same input with the same value: once one matched, the rest compare indexes.
                    if (Volatile.Read(ref byPackage.Matched[name]) == entry.Values[i] + 1) continue;
                    if ((now = Volatile.Read(ref current[name])) is null)
                    {
                        now = InputCheck.Current(compiler.Info, info ??= compiler.InfoFor(node), table[name]) ?? Unreadable;
                        Volatile.Write(ref current[name], now);
                    }
                    if (ReferenceEquals(now, Unreadable) || now != table[entry.Values[i]]) return false;
                    Volatile.Write(ref byPackage.Matched[name], entry.Values[i] + 1);
                    continue;
                }
                if (now is null || ReferenceEquals(now, Unreadable) || now != table[entry.Values[i]]) return false;
            }
            return true;
        }

        /// <summary>
        /// Per package and input name: what the input reads now (null: not looked up yet), and the index + 1 of
        /// the recorded value last found equal to it (0: none yet); a value under another index is compared as text.
        /// </summary>
        private sealed class PerPackage(int names)
        {
            public readonly string?[] Now = new string?[names];
            public readonly int[] Matched = new int[names];
        }

        /// <summary>Whether a record reads differently per node, and for a global, its package and name (parsed once, not per node).</summary>
        private readonly record struct PerNode(bool Depends, (string Package, string Name)? Global)
        {
            public static PerNode Of(string key) =>
                InputCheck.DependsOnNode(key) ? new PerNode(true, InputCheck.GlobalName(key)) : new PerNode(false, null);
        }
    }
}

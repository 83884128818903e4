using System.Numerics;
using ModelForge.Compiler.Templating.Evaluation;

namespace ModelForge.Compiler.Templating.Runtime;

internal sealed partial class TemplateDict
{
    /// <summary>Python's key equality: numbers by value across int/float/bool, tuples item by item, strings ordinally.</summary>
    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is string sx) return y is string sy && string.Equals(sx, sy, StringComparison.Ordinal);
            if (y is string || x is null || y is null || ReferenceEquals(x, NoneKey) || ReferenceEquals(y, NoneKey)) return false;
            return Operators.PyEquals(x, y);
        }

        public int GetHashCode(object obj) => obj switch
        {
            string s => s.GetHashCode(),
            long l => l.GetHashCode(),
            bool b => (b ? 1L : 0L).GetHashCode(),
            int i => ((long)i).GetHashCode(),
            double d => NumberHash(d),
            float f => NumberHash(f),
            decimal m => m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue ? ((long)m).GetHashCode() : NumberHash((double)m),
            BigInteger big => big >= long.MinValue && big <= long.MaxValue ? ((long)big).GetHashCode() : NumberHash((double)big),
            Int128 i128 => i128 >= long.MinValue && i128 <= long.MaxValue ? ((long)i128).GetHashCode() : NumberHash((double)i128),
            UInt128 u128 => u128 <= long.MaxValue ? ((long)u128).GetHashCode() : NumberHash((double)u128),
            object?[] tuple => TupleHash(tuple),
            _ => obj.GetHashCode(),
        };

        // An integral float hashes as the int it equals, so 1 and 1.0 meet.
        private static int NumberHash(double d) =>
            d == Math.Floor(d) && d >= long.MinValue && d < 9.2e18 ? ((long)d).GetHashCode() : d.GetHashCode();

        private int TupleHash(object?[] tuple)
        {
            var hash = new HashCode();
            foreach (var item in tuple) hash.Add(item is null ? 0 : GetHashCode(item));
            return hash.ToHashCode();
        }
    }
}

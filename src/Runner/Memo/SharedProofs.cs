namespace ModelForge.Runner.Memo;

/// <summary>
/// The chunks of several scans' stat proofs (<see cref="ScanProof.Pending"/>), taken one at a time by whichever
/// threads help: the prefetch's own, a pool thread per other core, and the main thread once it has nothing left to
/// do but wait for them (<see cref="MemoPrefetch.Take"/>).
/// </summary>
internal sealed class SharedProofs
{
    // Chunk k is chunk _chunks[k] of _proofs[k] (two arrays, not tuples: no generic code over a struct to compile at start).
    private readonly ScanProof.Pending[] _proofs;
    private readonly int[] _chunks;
    private readonly ManualResetEventSlim _done = new();
    private readonly Action? _onDifference;
    private int _next = -1;
    private int _left;
    private int _differenceTold;

    /// <param name="onDifference">Called once, on a helping thread, as soon as a chunk finds a stat that differs or a scan
    /// is found not proven (work that follows from an edit may start then, without waiting for the other chunks); at
    /// once, on the constructing thread, when a scan is known not to be proven before any stat.</param>
    public SharedProofs(IReadOnlyList<ScanProof.Pending> proofs, Action? onDifference = null)
    {
        _onDifference = onDifference;
        var count = 0;
        foreach (var proof in proofs) count += proof.Chunks;
        (_proofs, _chunks) = (new ScanProof.Pending[count], new int[count]);
        var k = 0;
        foreach (var proof in proofs)
        {
            for (var chunk = 0; chunk < proof.Chunks; chunk++, k++) (_proofs[k], _chunks[k]) = (proof, chunk);
        }
        _left = count;
        if (_left == 0) _done.Set();
        foreach (var proof in proofs)
        {
            if (proof.Unproven) TellDifference();
        }
    }

    /// <summary>Checks chunks until none is left to take (those taken by others may still be under way).</summary>
    public void Help()
    {
        int i;
        while ((i = Interlocked.Increment(ref _next)) < _proofs.Length)
        {
            var (proof, chunk) = (_proofs[i], _chunks[i]);
            try
            {
                proof.Check(chunk);
                if (proof.FoundAny || proof.Unproven) TellDifference();
            }
            catch (Exception)
            {
                // Whatever went wrong, the scan is not proven: the check lists it, which decides (and reports).
                proof.Unprove();
            }
            finally
            {
                if (Interlocked.Decrement(ref _left) == 0) _done.Set();
            }
        }
    }

    private void TellDifference()
    {
        if (_onDifference is not null && Interlocked.Exchange(ref _differenceTold, 1) == 0) _onDifference();
    }

    /// <summary>Helps, then waits until every chunk is checked.</summary>
    public void Finish()
    {
        Help();
        _done.Wait();
    }
}

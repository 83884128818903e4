namespace ModelForge.Runner.Docs;

/// <summary>A computed layout: each node's layer (column, left to right) and order within it (row).</summary>
internal sealed record LayeredLayout(int[] Layer, int[] Order, long Crossings);

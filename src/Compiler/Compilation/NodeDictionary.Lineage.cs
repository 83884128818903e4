using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Project;
using F = ModelForge.Compiler.Compilation.NodeFieldNames;

namespace ModelForge.Compiler.Compilation;

public static partial class NodeDictionary
{
    private static readonly JsonEncodedText LineageName = JsonEncodedText.Encode("lineage");
    private static readonly JsonEncodedText NodeName = JsonEncodedText.Encode("node");
    private static readonly JsonEncodedText ColumnName = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText UnresolvedName = JsonEncodedText.Encode("unresolved");

    // The columns LineageColumns.Add would build over the declared ones, streamed (the dictionaries were ~5% of the
    // manifest's samples at 10,000 models). Only when no two output columns are named alike without regard to case:
    // then each lands on the first declared column named like it, or is appended, and none lands where another did.
    // False (nothing written) otherwise, for the dictionary path. Declared names are distinct (HasRepeatedName).
    private static bool TryWriteWithLineage(IReadOnlyList<ColumnProperties> declared, ModelLineage lineage, INodeFieldSink sink)
    {
        var columns = lineage.Columns;
        if (HasNamesAlike(columns)) return false;
        // Per declared column, the lineage column that merges into it; the rest are appended in their order.
        var merged = new ColumnLineage?[declared.Count];
        var appended = new bool[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var at = -1;
            for (var d = 0; d < declared.Count && at < 0; d++)
                if (string.Equals(declared[d].Name, columns[c].Name, StringComparison.OrdinalIgnoreCase)) at = d;
            if (at >= 0) merged[at] = columns[c];
            else appended[c] = true;
        }
        sink.StartObject(F.Columns);
        for (var d = 0; d < declared.Count; d++) WriteColumn(declared[d], sink, merged[d]);
        for (var c = 0; c < columns.Count; c++)
        {
            if (!appended[c]) continue;
            var column = columns[c];
            sink.StartObject(column.Name);
            sink.String(F.Name, column.Name);
            sink.String(F.Description, "");
            sink.String(F.DataType, null);
            sink.StartObject(F.Meta);
            sink.EndObject();
            sink.Strings(F.Tags, []);
            WriteLineage(column, sink);
            sink.EndObject();
        }
        sink.EndObject();
        return true;
    }

    private static void WriteLineage(ColumnLineage column, INodeFieldSink sink)
    {
        sink.StartArray(LineageName);
        foreach (var origin in column.Upstream)
        {
            sink.StartObjectItem();
            sink.String(NodeName, origin.Node);
            sink.String(ColumnName, origin.Column);
            sink.String(KindName, origin.Kind == LineageKind.Direct ? "direct" : "transformed");
            sink.EndObject();
        }
        sink.EndArray();
        if (column.Unresolved is { } reason) sink.String(UnresolvedName, reason);
    }

    private static bool HasNamesAlike(IReadOnlyList<ColumnLineage> columns)
    {
        if (columns.Count > 32)
            return columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() < columns.Count;
        for (var i = 1; i < columns.Count; i++)
            for (var j = 0; j < i; j++)
                if (string.Equals(columns[i].Name, columns[j].Name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}

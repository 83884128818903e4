using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// dbt-duckdb's <c>materialized='external'</c>: the model's rows are COPYed to a file (or a
/// partitioned folder), then a view named for the model reads that file, so refs downstream read
/// it like any relation. The COPY writes beside the final path and the result is moved over the
/// old file only once it is complete: a failed COPY leaves the previous file and view as they were.
/// A remote location (s3://…) is written in place, since forge cannot rename it.
/// </summary>
internal static class ExternalMaterialization
{
    public static long? Build(MaterializationContext context, ExternalFile file, string model, SourceSpan? span)
    {
        var sql = context.Sql;
        long written;
        if (file.IsRemote)
        {
            written = context.Execute(sql.CopyToFile(context.CompiledSql, file.Location, file.Options));
        }
        else
        {
            var temporary = file.Location + "__forge_tmp";
            try
            {
                Delete(temporary);
                Directory.CreateDirectory(Path.GetDirectoryName(file.Location)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file where a parent folder should be, or no permission: this node fails, with the reason.
                throw new DiagnosticException(DiagnosticCodes.ExternalFiles.ExternalWriteFailed(span, model, file.Location, e.Message));
            }
            try
            {
                written = context.Execute(sql.CopyToFile(context.CompiledSql, temporary, file.Options));
            }
            catch (DbException)
            {
                Delete(temporary);
                throw;
            }
            MoveInto(temporary, file.Location, model, span);
        }
        var delimiter = file.Options.FirstOrDefault(o => o.StartsWith("delimiter ", StringComparison.OrdinalIgnoreCase)) is { } d
            ? d["delimiter ".Length..].Trim('\'') : null;
        ViewMaterialization.Build(context, sql.SelectFromFile(file.ReadLocation, file.Format, file.Partitioned, delimiter));
        return written >= 0 ? written : null;
    }

    // A file replaces a file with one rename. A folder (partitioned output) or a change between file
    // and folder goes through a backup, restored if the second move fails.
    private static void MoveInto(string temporary, string location, string model, SourceSpan? span)
    {
        try
        {
            if (File.Exists(temporary) && !Directory.Exists(location))
            {
                File.Move(temporary, location, overwrite: true);
                return;
            }
            var backup = location + "__forge_old";
            Delete(backup);
            var hadOld = Exists(location);
            if (hadOld) Move(location, backup);
            try
            {
                Move(temporary, location);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (hadOld) Move(backup, location);
                throw;
            }
            Delete(backup);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(temporary);
            throw new DiagnosticException(DiagnosticCodes.ExternalFiles.ExternalWriteFailed(span, model, location, e.Message));
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from)) Directory.Move(from, to);
        else File.Move(from, to);
    }

    private static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover helper file is harmless: the next run deletes it before writing.
        }
    }
}

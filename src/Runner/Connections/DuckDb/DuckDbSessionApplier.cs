using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets.DuckDb;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>
/// Runs a DuckDB profile's setup statements (<see cref="DuckDbSessionSetup"/>) on a new connection;
/// the first that fails becomes one diagnostic naming the extension, secret, database or setting
/// and its line in profiles.yml. Secret values never reach a message.
/// </summary>
internal static class DuckDbSessionApplier
{
    /// <summary>Throws <see cref="DiagnosticException"/> when a step fails; the caller disposes the connection.</summary>
    public static void Apply(DbConnection connection, DuckDbTargetProfile profile)
    {
        foreach (var step in DuckDbSessionSetup.For(profile))
        {
            try
            {
                Run(connection, step);
            }
            catch (DbException e)
            {
                throw new DiagnosticException(Failure(profile, step, Scrub(e.Message, profile)));
            }
        }
    }

    private static void Run(DbConnection connection, DuckDbSetupStep step)
    {
        try
        {
            Execute(connection, step.Sql);
        }
        catch (DbException) when (step.Fallback is { } fallback)
        {
            Execute(connection, fallback);
            Execute(connection, step.Sql);
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Diagnostic Failure(DuckDbTargetProfile profile, DuckDbSetupStep step, string reason) => step.Kind switch
    {
        DuckDbSetupKind.Extension => DiagnosticCodes.DuckDbProfile.ExtensionUnavailable(step.Span, profile.Name, step.Subject, reason),
        DuckDbSetupKind.Secret => DiagnosticCodes.DuckDbProfile.SecretFailed(step.Span, profile.Name, step.Subject,
            profile.Secrets.First(s => s.Name == step.Subject).Type, reason),
        DuckDbSetupKind.Attach => DiagnosticCodes.DuckDbProfile.AttachFailed(step.Span, profile.Name, step.Subject, reason),
        _ => DiagnosticCodes.DuckDbProfile.SettingFailed(step.Span, profile.Name, step.Subject, reason),
    };

    // DuckDB may quote a statement back; a secret's values must not ride along.
    private static string Scrub(string message, DuckDbTargetProfile profile)
    {
        foreach (var secret in profile.Secrets)
        {
            foreach (var (_, value) in secret.Parameters)
            {
                if (Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { Length: >= 3 } text)
                    message = message.Replace(text, "********", StringComparison.Ordinal);
            }
        }
        return message.ReplaceLineEndings(" ").Trim();
    }
}

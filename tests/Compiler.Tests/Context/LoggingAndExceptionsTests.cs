using NUnit.Framework;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class LoggingAndExceptionsTests
{
    [Test]
    public void Log_and_print_go_to_the_sink_and_render_nothing()
    {
        var harness = new ContextHarness();
        Assert.That(harness.Call("log", "debug line"), Is.EqualTo(""));
        harness.CallNamed("log", ["info line"], ("info", true));
        harness.Call("print", 42L);
        Assert.That(harness.Messages.Select(m => (m.Kind, m.Text)), Is.EqualTo(new[]
        {
            (ContextMessageKind.Debug, "debug line"),
            (ContextMessageKind.Info, "info line"),
            (ContextMessageKind.Print, "42"),
        }));
        Assert.That(harness.Messages[0].NodeId, Is.EqualTo("model.shop.orders"));
    }

    [Test]
    public void Raise_compiler_error_names_the_model_and_points_at_the_call()
    {
        var exceptions = new ContextHarness().Global("exceptions");
        var diagnostic = Fails(() => CallMethod(exceptions, "raise_compiler_error", "unique_key is required"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2503"));
        Assert.That(diagnostic.Message, Is.EqualTo("Compilation error in model 'orders': unique_key is required"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
        Assert.That(diagnostic.Hint, Is.Not.Empty);
    }

    [Test]
    public void Warn_reports_a_warning_diagnostic_and_carries_on()
    {
        var harness = new ContextHarness();
        Assert.That(CallMethod(harness.Global("exceptions"), "warn", "deprecated column"), Is.EqualTo(""));
        var message = harness.Messages.Single();
        Assert.That(message.Kind, Is.EqualTo(ContextMessageKind.Warning));
        Assert.That(message.Diagnostic!.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(message.Diagnostic.Code, Is.EqualTo("MF2504"));
        Assert.That(message.Diagnostic.ToString(), Is.EqualTo("models/orders.sql:2:6: warning MF2504: Warning in model 'orders': deprecated column"));
    }
}

using ModelForge.Runner.Docs;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

public sealed class IdlePriorityTests
{
    [Test]
    public void A_thread_entering_idle_priority_runs_at_nice_19_and_the_others_keep_theirs()
    {
        Assume.That(OperatingSystem.IsLinux(), "thread priorities are Linux's nice values");
        var before = Nice();
        var entered = 0;
        var thread = new Thread(() =>
        {
            IdlePriority.Enter();
            entered = Nice();
        });

        thread.Start();
        thread.Join();

        Assert.That(entered, Is.EqualTo(19));
        Assert.That(Nice(), Is.EqualTo(before));
    }

    // The calling thread's nice value: field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis.
    private static int Nice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16]);
    }
}

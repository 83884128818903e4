using System.Runtime.InteropServices;

namespace ModelForge.Runner.Docs;

/// <summary>
/// The calling thread's scheduling priority on Linux, where .NET's Thread.Priority changes nothing. A thread at the
/// lowest priority (nice 19) runs almost only on cores the process's other threads, and other processes, leave idle.
/// </summary>
internal static class IdlePriority
{
    private const int PrioProcess = 0;
    private const int LowestNice = 19;

    /// <summary>Lowers the calling thread's priority to the lowest; elsewhere, or if the system refuses, nothing changes.</summary>
    public static void Enter()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            // On Linux a thread is a task of its own: setpriority with its id renices that thread alone.
            _ = SetPriority(PrioProcess, GetTid(), LowestNice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without gettid (glibc before 2.30): the thread keeps its priority.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();
}

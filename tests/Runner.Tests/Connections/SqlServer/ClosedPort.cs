using System.Net;
using System.Net.Sockets;

namespace ModelForge.Runner.Tests.Connections.SqlServer;

/// A TCP port on 127.0.0.1 that nothing listens on: bound by the OS, then released.
internal static class ClosedPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

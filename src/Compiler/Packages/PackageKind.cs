namespace ModelForge.Compiler.Packages;

/// <summary>Where a package comes from: the keys `package:`, `git:`, `local:` and `tarball:` of packages.yml.</summary>
internal enum PackageKind
{
    Hub,
    Git,
    Local,
    Tarball,
}

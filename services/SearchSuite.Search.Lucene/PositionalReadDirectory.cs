using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// Index files read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>, pread) on
/// one handle per file that every clone shares, without a lock. Lucene.NET's <see cref="NIOFSDirectory"/> seeks and reads
/// a shared stream under a lock, so concurrent searches queued on each file: in a profile of the all-in-one at 8 clients,
/// its reads took 29 % of the search handler's time, a third of that waiting for the lock. Like NIOFS, the OS page cache
/// holds the pages, not the process. Writing is <see cref="FSDirectory"/>'s own.
/// </summary>
public sealed class PositionalReadDirectory(string path) : FSDirectory(new DirectoryInfo(path), lockFactory: null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenHandle(name);
        return new PositionalIndexInput($"PositionalIndexInput(path=\"{file.Path}\")", file.Handle, 0, RandomAccess.GetLength(file.Handle), context, ownsHandle: true);
    }

    /// <summary>Compound files: each slice reads the one handle, which the slicer closes.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var (file, handle) = OpenHandle(name);
        return new Slicer(file, handle, context);
    }

    private (string Path, SafeFileHandle Handle) OpenHandle(string name)
    {
        var file = System.IO.Path.Combine(Directory.FullName, name);
        return (file, File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
    }

    private sealed class Slicer(string path, SafeFileHandle handle, IOContext context) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalIndexInput($"PositionalIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, offset, length, context, ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing) handle.Dispose();
        }
    }

    /// <summary>A file, or a slice of one, read through Lucene's buffer; the position lives in the buffer, not the handle.</summary>
    private sealed class PositionalIndexInput(string description, SafeFileHandle handle, long start, long length, IOContext context, bool ownsHandle)
        : BufferedIndexInput(description, GetBufferSize(context))
    {
        /// <summary>Clones share the handle and are never disposed by Lucene; only the input that opened the handle closes it.</summary>
        private bool isClone;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int offset, int count)
        {
            // The buffer's position: where Lucene wants the next bytes from, within this file or slice.
            var position = Position;
            if (position + count > length) throw new EndOfStreamException($"read past EOF: {this} (position {position}, {count} bytes, length {length})");
            var target = b.AsSpan(offset, count);
            var at = start + position;
            while (target.Length > 0)
            {
                var read = RandomAccess.Read(handle, target, at);
                if (read == 0) throw new EndOfStreamException($"read past EOF: {this} (file ends before {at})");
                at += read;
                target = target[read..];
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Nothing to move: every read names its position.
        }

        public override object Clone()
        {
            var clone = (PositionalIndexInput)base.Clone();
            clone.isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !isClone) handle.Dispose();
        }
    }
}

---@meta lumpy.io
-- types/lumpy/io.lua - annotations for file input and output: .npy / .npz
-- files and memory maps (np.save, np.load, ...), text files and raw bytes
-- (np.loadtxt, np.savetxt, ...), and the array methods that write files.

---@class lumpy
local np = {}

-- ## Files

---Write an array to a .npy file.
---NumPy: `np.save`.
---@param file string|file* path (".npy" appended when missing) or an open Lua file
---@param arr lumpy.ArrayLike the array to write
function np.save(file, arr) end

---Read an array from a .npy file, or open a .npz archive.
---NumPy: `np.load`.
---@param file string|file* path, or an open Lua file (.npy)
---@param mmap_mode? "r"|"r+"|"c"|table map the file instead of reading it, or the options table {mmap_mode=, allow_pickle=, max_header_size=}
---@param allow_pickle? boolean lifts the header-size limit (no pickle is ever loaded)
---@return lumpy.Array|lumpy.NpzFile # the array, or an NpzFile for a .npz archive
function np.load(file, mmap_mode, allow_pickle) end

---Write several arrays into an uncompressed .npz archive.
---NumPy: `np.savez`.
---@param file string path (".npz" appended when missing)
---@param ... lumpy.ArrayLike|table arrays (named arr_0, arr_1, ...), then optionally a table of named arrays
function np.savez(file, ...) end

---Write several arrays into a deflated .npz archive.
---NumPy: `np.savez_compressed`.
---@param file string path (".npz" appended when missing)
---@param ... lumpy.ArrayLike|table arrays (named arr_0, arr_1, ...), then optionally a table of named arrays
function np.savez_compressed(file, ...) end

---Map a raw binary file as an array.
---NumPy: `np.memmap`.
---@param filename string path of the raw file
---@param dtype? lumpy.DTypeLike|table element type (default uint8), or the options table
---@param mode? "r+"|"r"|"c"|"w+" access mode (default "r+")
---@param offset? integer bytes to skip
---@param shape? lumpy.Shape shape (default: 1-D over the rest of the file)
---@param order? lumpy.OrderName "C" (default) or "F"
---@return lumpy.Array # an array whose memory is the mapped file
function np.memmap(filename, dtype, mode, offset, shape, order) end

---Read an array from a text file.
---NumPy: `np.loadtxt`.
---@param fname string|file* path or open Lua file
---@param dtype? lumpy.DTypeLike|lumpy.LoadtxtOptions element type (default float64), or the options table
---@param opts? lumpy.LoadtxtOptions options table
---@return lumpy.Array ... # the array (one per column with unpack)
function np.loadtxt(fname, dtype, opts) end

---Write a 1-D or 2-D array to a text file.
---NumPy: `np.savetxt`.
---@param fname string|file* path or open Lua file
---@param X lumpy.ArrayLike 1-D or 2-D data
---@param fmt? string|string[]|lumpy.SavetxtOptions format (default "%.18e"), or the options table
---@param delimiter? string between columns (default " ")
---@param newline? string line end (default "\n")
---@param header? string text written first
---@param footer? string text written last
---@param comments? string prefix of header and footer (default "# ")
function np.savetxt(fname, X, fmt, delimiter, newline, header, footer, comments) end

---Read a text file with missing values handled.
---NumPy: `np.genfromtxt`.
---@param fname string|file* path or open Lua file
---@param dtype? lumpy.DTypeLike|lumpy.GenfromtxtOptions element type (default float64), or the options table
---@param opts? lumpy.GenfromtxtOptions options table
---@return lumpy.Array ... # the array (one per column with unpack)
function np.genfromtxt(fname, dtype, opts) end

---Read binary or text data from a file.
---NumPy: `np.fromfile`.
---@param file string|file* path or open Lua file
---@param dtype? lumpy.DTypeLike|table element type (default float64), or the options table {dtype=, count=, sep=, offset=}
---@param count? integer items to read (default all)
---@param sep? string separator; "" (default) reads binary
---@param offset? integer bytes to skip first
---@return lumpy.Array # 1-D
function np.fromfile(file, dtype, count, sep, offset) end

---Interpret the bytes of a string as a 1-D array.
---NumPy: `np.frombuffer`.
---@param buffer string a Lua string of bytes
---@param dtype? lumpy.DTypeLike|table element type (default float64), or the options table
---@param count? integer items (default all)
---@param offset? integer bytes to skip (0-based, as NumPy)
---@return lumpy.Array # a read-only 1-D view of the string
function np.frombuffer(buffer, dtype, count, offset) end

---Read items from text separated by sep.
---NumPy: `np.fromstring`.
---@param string string text of separated items
---@param dtype? lumpy.DTypeLike|table element type (default float64), or the options table
---@param count? integer items (default all)
---@param opts? table options table {sep=} (sep is required)
---@return lumpy.Array # 1-D
function np.fromstring(string, dtype, count, opts) end


---@class lumpy.Array
local Array = {}

-- ## Files

---Write the changes of a memory-mapped array to its file (nothing for other arrays).
---NumPy: `memmap.flush`.
function Array:flush() end

---Write the elements to a file (binary or text).
---NumPy: `ndarray.tofile`.
---@param fid string|file* path or open Lua file
---@param sep? string|table separator; "" (default) writes binary, or the options table
---@param format? string format of each element in text mode
function Array:tofile(fid, sep, format) end

---The elements' bytes as a Lua string.
---NumPy: `ndarray.tobytes`.
---@param order? lumpy.OrderName|lumpy.OrderOptions "C" (default), "F" or "A"
---@return string # the elements' bytes
function Array:tobytes(order) end


---np.lib: NumPy's lib namespace (only what LumPy implements).
---@class lumpy.lib
---@field format lumpy.lib.format the .npy format helpers

---np.lib.format: the .npy format helpers.
---@class lumpy.lib.format
local format = {}

---Map a .npy file as an array (or create one with mode "w+").
---NumPy: `np.lib.format.open_memmap`.
---@param filename string path of the .npy file
---@param mode? "r"|"r+"|"c"|"w+"|table access mode (default "r+"), or the options table
---@param dtype? lumpy.DTypeLike "w+": element type (default float64)
---@param shape? lumpy.Shape "w+": the shape
---@param fortran_order? boolean "w+": Fortran order
---@param version? integer|integer[] "w+": format version 1, 2 or 3
---@return lumpy.Array # an array whose memory is the mapped file
function format.open_memmap(filename, mode, dtype, shape, fortran_order, version) end


---A .npz archive opened by np.load: `f.files` lists the members; `f.x`, `f["x"]` load one;
---`pairs(f)` iterates in archive order; `#f` counts members; `<close>` closes it.
---@class lumpy.NpzFile
---@field files string[] the member names in archive order
local NpzFile = {}

---Load one member.
---NumPy: `NpzFile.get`.
---@param key string member name
---@return lumpy.Array|string # the member (a string of bytes when not .npy data)
function NpzFile:get(key) end

---The member names in archive order.
---NumPy: `NpzFile.keys`.
---@return string[] # member names
function NpzFile:keys() end

---Iterate over the members, loaded, in archive order.
---NumPy: `NpzFile.values`.
---@return fun(): lumpy.Array|string # an iterator over the members
function NpzFile:values() end

---Iterate over the members with their names, in archive order.
---NumPy: `NpzFile.items`.
---@return fun(): string, lumpy.Array|string # an iterator of name, member
function NpzFile:items() end

---Close the archive; later accesses are an error.
---NumPy: `NpzFile.close`.
function NpzFile:close() end

return np

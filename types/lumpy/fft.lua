---@meta lumpy.fft
-- types/lumpy/fft.lua - annotations for np.fft (FFTW-based transforms).

---Discrete Fourier transforms on FFTW3, with NumPy 2's signatures; axes are 1-based.
---float32 / complex64 input stays single precision.
---@class lumpy.fft
local fft = {}

---1-D discrete Fourier transform.
---NumPy: `np.fft.fft`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param n? integer|lumpy.FFTOptions length of the transformed axis (cut or zero-padded), or the options table
---@param axis? integer axis (default -1)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.fft(a, n, axis, norm) end

---1-D inverse discrete Fourier transform.
---NumPy: `np.fft.ifft`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param n? integer|lumpy.FFTOptions length of the transformed axis (cut or zero-padded), or the options table
---@param axis? integer axis (default -1)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.ifft(a, n, axis, norm) end

---1-D DFT of real input (the non-negative frequencies).
---NumPy: `np.fft.rfft`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param n? integer|lumpy.FFTOptions length of the transformed axis (cut or zero-padded), or the options table
---@param axis? integer axis (default -1)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex, n // 2 + 1 along axis
function fft.rfft(a, n, axis, norm) end

---Inverse of rfft.
---NumPy: `np.fft.irfft`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param n? integer|lumpy.FFTOptions length of the transformed axis (cut or zero-padded), or the options table
---@param axis? integer axis (default -1)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # real, n along axis (default 2 (m - 1))
function fft.irfft(a, n, axis, norm) end

---DFT of a Hermitian-symmetric signal.
---NumPy: `np.fft.hfft`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param n? integer|lumpy.FFTOptions length of the transformed axis (cut or zero-padded), or the options table
---@param axis? integer axis (default -1)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # real
function fft.hfft(a, n, axis, norm) end

---Inverse of hfft.
---NumPy: `np.fft.ihfft`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param n? integer|lumpy.FFTOptions length of the transformed axis (cut or zero-padded), or the options table
---@param axis? integer axis (default -1)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.ihfft(a, n, axis, norm) end

---2-D discrete Fourier transform.
---NumPy: `np.fft.fft2`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default {-2, -1})
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.fft2(a, s, axes, norm) end

---2-D inverse discrete Fourier transform.
---NumPy: `np.fft.ifft2`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default {-2, -1})
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.ifft2(a, s, axes, norm) end

---2-D DFT of real input.
---NumPy: `np.fft.rfft2`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default {-2, -1})
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.rfft2(a, s, axes, norm) end

---Inverse of rfft2.
---NumPy: `np.fft.irfft2`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default {-2, -1})
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # real
function fft.irfft2(a, s, axes, norm) end

---N-D discrete Fourier transform.
---NumPy: `np.fft.fftn`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default all)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.fftn(a, s, axes, norm) end

---N-D inverse discrete Fourier transform.
---NumPy: `np.fft.ifftn`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default all)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.ifftn(a, s, axes, norm) end

---N-D DFT of real input (the last axis halved).
---NumPy: `np.fft.rfftn`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default all)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # complex
function fft.rfftn(a, s, axes, norm) end

---Inverse of rfftn.
---NumPy: `np.fft.irfftn`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param s? integer[]|lumpy.FFTOptions lengths of the transformed axes, or the options table
---@param axes? integer[] axes (1-based; default all)
---@param norm? lumpy.FFTNorm|lumpy.FFTOptions normalization: "backward" (default), "ortho" or "forward", or the options table
---@return lumpy.Array # real
function fft.irfftn(a, s, axes, norm) end

---Sample frequencies of fft's n outputs.
---NumPy: `np.fft.fftfreq`.
---@param n integer window length
---@param d? number sample spacing (default 1.0)
---@return lumpy.Array # float64 frequencies
function fft.fftfreq(n, d) end

---Sample frequencies of rfft's outputs.
---NumPy: `np.fft.rfftfreq`.
---@param n integer window length
---@param d? number sample spacing (default 1.0)
---@return lumpy.Array # float64 frequencies
function fft.rfftfreq(n, d) end

---Move the zero frequency to the middle.
---NumPy: `np.fft.fftshift`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param axes? integer|integer[] axes (1-based; default all)
---@return lumpy.Array # a new array
function fft.fftshift(x, axes) end

---Inverse of fftshift.
---NumPy: `np.fft.ifftshift`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param axes? integer|integer[] axes (1-based; default all)
---@return lumpy.Array # a new array
function fft.ifftshift(x, axes) end

---Choose FFTW's planner rigour (empties the plan cache; LumPy's).
---NumPy: none (NumPy's pocketfft has no planner).
---@param p "estimate"|"measure"|"patient" FFTW's planner rigour
function fft.set_planner(p) end

---The FFTW planner rigour in use (LumPy's).
---NumPy: none (NumPy's pocketfft has no planner).
---@return string # "estimate", "measure" or "patient"
function fft.get_planner() end

---Threads FFTW uses for plans made afterwards (LumPy's).
---NumPy: none (NumPy's FFT is single-threaded).
---@param n integer threads per transform
function fft.set_num_threads(n) end

---Threads FFTW uses per transform (LumPy's).
---NumPy: none (NumPy's FFT is single-threaded).
---@return integer # threads per transform
function fft.get_num_threads() end

---Statistics of the plan cache (LumPy's).
---@return lumpy.FFTCacheInfo # size, capacity, hits, misses
function fft.cache_info() end

---Destroy every cached plan (LumPy's).
function fft.cache_clear() end

---Save FFTW's wisdom to a file (LumPy's).
---NumPy: none (FFTW's wisdom).
---@param path string file to write
function fft.export_wisdom(path) end

---Load FFTW's wisdom from a file (LumPy's).
---NumPy: none (FFTW's wisdom).
---@param path string file to read
function fft.import_wisdom(path) end

return fft

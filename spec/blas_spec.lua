-- blas_spec.lua - the BLAS/LAPACK a build runs: np.show_config("dicts")
-- reports the library really loaded (found at run time), and
-- np.set_num_threads / np.get_num_threads control its threads.
-- `make test-blas` runs this file against each BLAS build with
-- LUMPY_EXPECT_BLAS naming the build, so a build that silently picked up
-- another library (Debian's alternatives) fails here.
local H = require "helper"
local np = require "lumpy"

local expect = os.getenv("LUMPY_EXPECT_BLAS") or "openblas"

-- what each build must report: vendor name pattern, library file pattern,
-- LAPACK library pattern, integer width
local builds = {
  openblas = { name = "^OpenBLAS", lib = "libopenblas%.so", lapack = "openblas", bits = 32 },
  blas     = { name = "^reference", lib = "/blas/libblas%.so", lapack = "/lapack/liblapack%.so", bits = 32 },
  ilp64    = { name = "^OpenBLAS", lib = "libopenblas64%.so", lapack = "openblas64", bits = 64 },
  blis     = { name = "^BLIS", lib = "blis", lapack = "/lapack/liblapack%.so", bits = 32 },
}

describe("BLAS in use", function()
  local cfg = np.show_config("dicts")
  local want = builds[expect]

  it("is the one this build was made for (" .. expect .. ")", function()
    assert.is_not_nil(want, "unknown LUMPY_EXPECT_BLAS " .. expect)
    assert.truthy(cfg.blas.name:match(want.name), cfg.blas.name)
    assert.truthy(cfg.blas.library:match(want.lib), cfg.blas.library)
    assert.truthy(cfg.lapack.library:match(want.lapack), cfg.lapack.library)
    assert.equal(want.bits, cfg.blas.int_bits)
  end)

  it("reports LAPACK's version and the build's choice", function()
    assert.truthy(cfg.lapack.version:match("^%d+%.%d+%.%d+$"), cfg.lapack.version)
    assert.truthy(cfg.build.blas:match("^%a+"))
    assert.equal("string", type(cfg.build.compiler))
  end)

  it("show_config prints the same library", function()
    local out = {}
    local write = io.write
    io.write = function(s) out[#out + 1] = s end
    local ok, err = pcall(np.show_config)
    io.write = write
    assert.is_true(ok, err)
    local text = table.concat(out)
    assert.truthy(text:find(cfg.blas.library, 1, true))
    assert.truthy(text:find(cfg.lapack.library, 1, true))
  end)

  it("rejects an unknown show_config mode", function()
    assert.has_error(function() np.show_config("yaml") end)
  end)
end)

describe("BLAS threads", function()
  local cfg = np.show_config("dicts")
  local before = np.get_num_threads()
  after_each(function() pcall(np.set_num_threads, before) end)

  it("get_num_threads is a positive integer", function()
    assert.equal("integer", H.mtype(before))
    assert.is_true(before >= 1)
  end)

  it("set_num_threads(1) then get_num_threads() is 1", function()
    np.set_num_threads(1)
    assert.equal(1, np.get_num_threads())
  end)

  if cfg.blas.name:match("^reference") then
    it("set_num_threads(2) is an error for the reference BLAS, which has no threads", function()
      assert.has_error(function() np.set_num_threads(2) end,
        "lumpy.set_num_threads: the BLAS in use (reference (netlib)) has no thread control")
      assert.equal(1, np.get_num_threads())
    end)
  else
    it("set_num_threads(2) takes effect", function()
      np.set_num_threads(2)
      assert.equal(2, np.get_num_threads())
    end)
  end

  it("rejects counts below 1 and non-integers", function()
    assert.has_error(function() np.set_num_threads(0) end,
      "lumpy.set_num_threads: expected a thread count from 1 to 1024, got 0")
    assert.has_error(function() np.set_num_threads("x") end)
  end)
end)

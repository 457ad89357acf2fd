#include "cuda/cuda_conv_kernels.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "cuda/cuda_backend.hpp"
#include "cuda/cuda_check.hpp"
#include "cuda/cudnn_convolution.hpp"

namespace spv {

namespace {

constexpr int kThreads = 256;

// Plain-int view of an axis's device tables for kernels.
struct AxisView {
  int pre_begin, pre_end;
  const int *post_lo, *post_hi, *offset_lo, *pre_cell, *first, *pre, *offset, *cell;
};

struct ConvDims {
  int nbatch;
  int pre_nf, pre_nx_ext, pre_ny_ext, pre_lt, pre_dn;
  int post_nx, post_ny, nfp;
  int nxp, kx, nf_pre;
  long patch_size;
  int post_nx_ext, post_lt, post_dn, post_ny_ext;  // dW: the post activity's extended layout
};

AxisView view_of(const DeviceAxisTables& t) {
  return {t.pre_begin,       t.pre_end,      t.post_lo.data(), t.post_hi.data(), t.offset_lo.data(),
          t.pre_cell.data(), t.first.data(), t.pre.data(),     t.offset.data(),  t.cell.data()};
}

ConvDims dims_of(const ConvShape& s) {
  ConvDims d{};
  d.nbatch = s.post.nbatch;
  d.pre_nf = s.pre.nf;
  d.pre_nx_ext = s.pre.nx_ext();
  d.pre_ny_ext = s.pre.ny_ext();
  d.pre_lt = s.pre.halo.lt;
  d.pre_dn = s.pre.halo.dn;
  d.post_nx = s.post.nx;
  d.post_ny = s.post.ny;
  d.nfp = s.nfp;
  d.nxp = s.x.patch;
  d.kx = s.x.down;
  d.nf_pre = s.nf_pre;
  d.patch_size = long(s.patch_size());
  return d;
}

// An empty table still gets one element, so that every table has a device address.
void upload_table(DeviceBuffer<int>& dst, const std::vector<int>& src, cudaStream_t stream) {
  static const std::vector<int> placeholder{0};
  const std::vector<int>& data = src.empty() ? placeholder : src;
  dst = DeviceBuffer<int>(data.size());
  dst.upload(data.data(), data.size(), stream);
}

DeviceAxisTables upload_axis(const ConvAxisTables& t, cudaStream_t stream) {
  DeviceAxisTables d;
  d.pre_begin = t.pre_begin;
  d.pre_end = t.pre_end;
  upload_table(d.post_lo, t.post_lo, stream);
  upload_table(d.post_hi, t.post_hi, stream);
  upload_table(d.offset_lo, t.offset_lo, stream);
  upload_table(d.pre_cell, t.cell, stream);
  upload_table(d.first, t.first, stream);
  upload_table(d.pre, t.pre, stream);
  upload_table(d.offset, t.offset, stream);
  upload_table(d.cell, t.entry_cell, stream);
  return d;
}

// The (batch, y, x, feature) of post neuron i in [batch][y][x][f] order: one thread's neuron in the gathers.
struct PostNeuron {
  int fp, xp, yp;
  long b;
};

__device__ inline PostNeuron post_neuron(const ConvDims& d, long i) {
  return {int(i % d.nfp), int((i / d.nfp) % d.post_nx), int((i / (long(d.nfp) * d.post_nx)) % d.post_ny),
          i / (long(d.nfp) * d.post_nx * d.post_ny)};
}

// acc + the terms of one pre row over the x entries [x_first, x_last): ascending x, f, zero activity skipped, each
// multiply and add rounded on its own (the CPU's order and bits). w_post: the weights offset to the post feature.
__device__ inline float gather_row(const ConvDims& d, const AxisView& tx, int x_first, int x_last, const float* a_row,
                                   const float* w_post, int py, int cy, float acc) {
  for (int ex = x_first; ex < x_last; ++ex) {
    const float* a_px = a_row + long(tx.pre[ex] + d.pre_lt) * d.pre_nf;
    const long kernel0 = long(cy * d.kx + tx.cell[ex]) * d.nf_pre;
    const float* w0 = w_post + (long(py) * d.nxp + tx.offset[ex]) * d.nfp;
    for (int f = 0; f < d.pre_nf; ++f) {
      const float a = a_px[f];
      if (a == 0.0f) continue;
      acc = __fadd_rn(acc, __fmul_rn(a, w0[(kernel0 + f) * d.patch_size]));
    }
  }
  return acc;
}

// One thread per post neuron (batch, y, x, feature): g += a * w over the pre neurons reaching it, in ascending
// (y, x, f) order, skipping zero activity as the CPU does.
__global__ void gather_dense_kernel(ConvDims d, AxisView tx, AxisView ty, const float* act, const float* w,
                                    float* gsyn) {
  const long total = long(d.nbatch) * d.post_ny * d.post_nx * d.nfp;
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= total) return;
  const PostNeuron n = post_neuron(d, i);
  const int fp = n.fp, xp = n.xp, yp = n.yp;
  const long b = n.b;
  const long row_len = long(d.pre_nx_ext) * d.pre_nf;
  float acc = gsyn[i];
  for (int e = ty.first[yp]; e < ty.first[yp + 1]; ++e) {
    const int yl = ty.pre[e];
    const float* a_row = act + (b * d.pre_ny_ext + yl + d.pre_dn) * row_len;
    acc = gather_row(d, tx, tx.first[xp], tx.first[xp + 1], a_row, w + fp, ty.offset[e], ty.cell[e], acc);
  }
  gsyn[i] = acc;
}

// One block per extended pre row: its non-zero activity as packed entries (x_ext << 16 | f), ascending. The block
// reads kListThreads consecutive values at a time (coalesced) and places them with per-warp ballots and the counts
// of the warps before, so the list is the one a serial scan gives; the packing spares the gathers a division.
constexpr int kListThreads = 256;

__global__ void list_active_kernel(int nx_ext, int nf, const float* act, unsigned* index, unsigned* count) {
  __shared__ unsigned warp_count[kListThreads / 32];
  const long r = blockIdx.x;
  const unsigned lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  const long row_len = long(nx_ext) * nf;
  const float* a = act + r * row_len;
  unsigned* idx = index + r * row_len;
  unsigned n = 0;  // entries listed so far, the same in every thread
  for (long k0 = 0; k0 < row_len; k0 += kListThreads) {
    const long k = k0 + threadIdx.x;
    const bool on = k < row_len && a[k] != 0.0f;
    const unsigned mask = __ballot_sync(0xffffffffu, on);
    if (lane == 0) warp_count[warp] = __popc(mask);
    __syncthreads();
    unsigned before = 0, total = 0;
    for (unsigned w = 0; w < kListThreads / 32; ++w) {
      const unsigned c = warp_count[w];
      if (w < warp) before += c;
      total += c;
    }
    if (on) {
      const unsigned x = unsigned(k / nf), f = unsigned(k - long(x) * nf);
      idx[n + before + __popc(mask & ((1u << lane) - 1u))] = (x << 16) | f;
    }
    n += total;
    __syncthreads();  // every thread has read warp_count before the next pass writes it
  }
  if (threadIdx.x == 0) count[r] = n;
}

// The gather over the active pre neurons: the same terms in the same order as gather_dense_kernel (ascending pre
// y, x, f, zero activity skipped), so the same bits. Per pre row it walks the row's list where the row is sparse
// and the row itself where at least a quarter of it is active (cheaper than the list there).
__global__ void gather_sparse_kernel(ConvDims d, AxisView tx, AxisView ty, const float* act, const float* w,
                                     const unsigned* index, const unsigned* count, float* gsyn) {
  const long total = long(d.nbatch) * d.post_ny * d.post_nx * d.nfp;
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= total) return;
  const PostNeuron n = post_neuron(d, i);
  const int fp = n.fp, xp = n.xp, yp = n.yp;
  const long b = n.b;
  const long row_len = long(d.pre_nx_ext) * d.pre_nf;
  const int x_first = tx.first[xp], x_last = tx.first[xp + 1];
  if (x_first == x_last) return;
  // The pre x range reaching xp is contiguous and ascending; its entries are x_first.. in the same order.
  const int xl_lo = tx.pre[x_first], xl_hi = tx.pre[x_last - 1];
  const unsigned key_lo = unsigned(xl_lo + d.pre_lt) << 16;
  const float* w_post = w + fp;
  float acc = gsyn[i];
  for (int e = ty.first[yp]; e < ty.first[yp + 1]; ++e) {
    const int yl = ty.pre[e], py = ty.offset[e], cy = ty.cell[e];
    const long r = b * d.pre_ny_ext + yl + d.pre_dn;
    const float* a_row = act + r * row_len;
    const unsigned listed = count[r];
    if (4 * long(listed) >= row_len) {
      acc = gather_row(d, tx, x_first, x_last, a_row, w_post, py, cy, acc);
      continue;
    }
    const unsigned* idx = index + r * row_len;
    // First listed entry at or after the range's start (the list is ascending).
    unsigned lo = 0, hi = listed;
    while (lo < hi) {
      const unsigned mid = (lo + hi) / 2;
      if (idx[mid] < key_lo)
        lo = mid + 1;
      else hi = mid;
    }
    for (unsigned j = lo; j < listed; ++j) {
      const unsigned entry = idx[j];
      const int xl = int(entry >> 16) - d.pre_lt, f = int(entry & 0xffffu);
      if (xl > xl_hi) break;
      const int ex = x_first + (xl - xl_lo);
      const long kernel = long(cy * d.kx + tx.cell[ex]) * d.nf_pre + f;
      const float a = a_row[long(entry >> 16) * d.pre_nf + f];
      acc = __fadd_rn(acc, __fmul_rn(a, w_post[kernel * d.patch_size + (long(py) * d.nxp + tx.offset[ex]) * d.nfp]));
    }
  }
  gsyn[i] = acc;
}

// One thread per weight (kernel, py, px, fp): its terms over the pre neurons of its kernel whose patch puts it on a
// post neuron of the tile, each cut to whole units and added as an integer (so the order does not matter).
__global__ void dw_kernel(ConvDims d, AxisView tx, AxisView ty, int kernels, const float* pre, const float* post,
                          float dw_max, double scale, long long* dw, long long* counts) {
  const long total = long(kernels) * d.patch_size;
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= total) return;
  const int k = int(i / d.patch_size);
  const long q = i - long(k) * d.patch_size;
  const int fp = int(q % d.nfp), px = int((q / d.nfp) % d.nxp), py = int(q / (long(d.nfp) * d.nxp));
  const int f = k % d.nf_pre, cell = k / d.nf_pre;
  const int cell_x = cell % d.kx, cell_y = cell / d.kx;
  const long pre_row = long(d.pre_nx_ext) * d.pre_nf;
  long long w = dw[i], c = counts[i];
  for (int yl = ty.pre_begin; yl < ty.pre_end; ++yl) {
    const int iy = yl - ty.pre_begin;
    if (ty.pre_cell[iy] != cell_y) continue;
    const int yp = ty.post_lo[iy] + py - ty.offset_lo[iy];
    if (yp < ty.post_lo[iy] || yp >= ty.post_hi[iy]) continue;
    const float* a_row = pre + long(yl + d.pre_dn) * pre_row;
    for (int xl = tx.pre_begin; xl < tx.pre_end; ++xl) {
      const int ix = xl - tx.pre_begin;
      if (tx.pre_cell[ix] != cell_x) continue;
      const int xp = tx.post_lo[ix] + px - tx.offset_lo[ix];
      if (xp < tx.post_lo[ix] || xp >= tx.post_hi[ix]) continue;
      const float a = a_row[long(xl + d.pre_lt) * d.pre_nf + f];
      if (a == 0.0f) continue;
      const float scaled = __fmul_rn(dw_max, a);
      const float b = post[(long(yp + d.post_dn) * d.post_nx_ext + (xp + d.post_lt)) * d.nfp + fp];
      // Exact power-of-two scaling, then a cut toward zero, as the CPU does: integer sums equal it exactly.
      w += (long long)(double(__fmul_rn(scaled, b)) * scale);
      c += 1;
    }
  }
  dw[i] = w;
  counts[i] = c;
}

int blocks_for(long n) { return int((n + kThreads - 1) / kThreads); }

}  // namespace

CudaConvKernels::CudaConvKernels(CudaBackend& backend, const ConvShape& shape) : backend_(backend), shape_(shape) {
  const LayerGeometry& pre = shape.pre;
  const LayerGeometry& post = shape.post;
  if (pre.nbatch != post.nbatch)
    throw GeometryError("pre and post layers hold different numbers of batch elements (" +
                        std::to_string(pre.nbatch) + " and " + std::to_string(post.nbatch) + ")");
  cudaStream_t stream = backend.stream();
  x_ = upload_axis(make_conv_axis_tables(shape.x, pre.nx, pre.kx0, pre.halo.lt, pre.halo.rt, post.nx, post.kx0),
                   stream);
  y_ = upload_axis(make_conv_axis_tables(shape.y, pre.ny, pre.ky0, pre.halo.dn, pre.halo.up, post.ny, post.ky0),
                   stream);
  active_index_ = DeviceBuffer<unsigned>(std::size_t(pre.nbatch) * pre.neurons_ext());
  active_count_ = DeviceBuffer<unsigned>(std::size_t(pre.nbatch) * pre.ny_ext());
  backend.synchronize();  // the host tables go out of scope
}

bool CudaConvKernels::enable_library() {
  if (cudnn_ || !CudnnConvolution::supports(shape_)) return cudnn_ != nullptr;
  try {
    cudnn_ = std::make_unique<CudnnConvolution>(backend_, shape_);
  } catch (const GpuError& e) {
    // The caller names the key that asked for it; cuDNN's own reason goes to the log.
    std::fprintf(stderr, "sparsepv: cuDNN cannot take this connection: %s\n", e.what());
  }
  return cudnn_ != nullptr;
}

CudaConvKernels::~CudaConvKernels() = default;

void CudaConvKernels::deliver(const ConvDeliverArgs& args, DeliveryMode mode) {
  const ConvDims d = dims_of(shape_);
  const long total = long(d.nbatch) * d.post_ny * d.post_nx * d.nfp;
  if (total == 0) return;
  cudaStream_t stream = backend_.stream();
  if (mode == DeliveryMode::Library) {
    if (!cudnn_) throw GpuError("a library delivery was asked for without enable_library()");
    cudnn_->deliver(args);
    return;
  }
  // The lists pack x and f in 16 bits each; a row too wide for that gathers densely (the same bits).
  const bool packable = d.pre_nx_ext < 65536 && d.pre_nf < 65536;
  if (mode == DeliveryMode::Dense || !packable) {
    gather_dense_kernel<<<blocks_for(total), kThreads, 0, stream>>>(d, view_of(x_), view_of(y_), args.activity,
                                                                    args.kernels, args.gsyn);
    SPV_CUDA_LAUNCHED();
    return;
  }
  const long rows = long(d.nbatch) * d.pre_ny_ext;
  if (rows > 0) {
    list_active_kernel<<<unsigned(rows), kListThreads, 0, stream>>>(d.pre_nx_ext, d.pre_nf, args.activity,
                                                                    active_index_.data(), active_count_.data());
    SPV_CUDA_LAUNCHED();
  }
  gather_sparse_kernel<<<blocks_for(total), kThreads, 0, stream>>>(d, view_of(x_), view_of(y_), args.activity,
                                                                   args.kernels, active_index_.data(),
                                                                   active_count_.data(), args.gsyn);
  SPV_CUDA_LAUNCHED();
}

void CudaConvKernels::accumulate_dw(const DwArgs& args) {
  ConvDims d = dims_of(shape_);
  d.post_nx_ext = args.post_ext.nx_ext();
  d.post_ny_ext = args.post_ext.ny_ext();
  d.post_lt = args.post_ext.halo.lt;
  d.post_dn = args.post_ext.halo.dn;
  const int kernels = shape_.kernels();
  const long total = long(kernels) * d.patch_size;
  if (total == 0) return;
  const double scale = std::ldexp(1.0, -args.unit_exponent);
  dw_kernel<<<blocks_for(total), kThreads, 0, backend_.stream()>>>(
      d, view_of(x_), view_of(y_), kernels, args.pre, args.post, args.dw_max, scale,
      reinterpret_cast<long long*>(args.dw), reinterpret_cast<long long*>(args.counts));
  SPV_CUDA_LAUNCHED();
}

}  // namespace spv

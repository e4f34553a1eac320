"""The WARC archive: records as standard tools see them, revisits, rotation, crash tails,
concurrent writers, and the offline round trip through `iter_archived`."""
from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from govnews.scraper.archive import REVISIT_PROFILE, WarcArchive, iter_archived
from govnews.scraper.http import DEFAULT_USER_AGENT, Response

REPO = Path(__file__).resolve().parent.parent
WARCIO = Path(sys.executable).parent / "warcio"

ARTICLES = {
    "hop-ban-phong-chong-sot-xuat-huyet": (
        "UBND huyện Hải Lăng họp bàn giải pháp phòng, chống sốt xuất huyết",
        ["Sáng ngày 14/6/2023, UBND huyện Hải Lăng tổ chức cuộc họp Ban Chỉ đạo phòng, chống "
         "dịch bệnh để đánh giá tình hình sốt xuất huyết trên địa bàn và triển khai các giải pháp "
         "cấp bách trong mùa mưa.",
         "Theo báo cáo của Trung tâm Y tế huyện, từ đầu năm đến nay toàn huyện ghi nhận 126 ca "
         "mắc sốt xuất huyết, tăng 48 ca so với cùng kỳ; các ổ dịch tập trung ở xã Hải Phong, "
         "Hải Thượng và thị trấn Diên Sanh.",
         "Phát biểu kết luận, đồng chí Phó Chủ tịch UBND huyện Lê Văn Quang yêu cầu các xã, thị "
         "trấn ra quân diệt lăng quăng, bọ gậy định kỳ mỗi tuần một lần; tuyệt đối không để dịch "
         "lan rộng trong khu dân cư và trường học."]),
    "thu-hoach-lua-he-thu": (
        "Nông dân Thoại Sơn thu hoạch lúa Hè Thu đạt năng suất cao",
        ["Những ngày cuối tháng 7/2021, trên các cánh đồng xã Vọng Thê, Định Mỹ, huyện Thoại "
         "Sơn, tỉnh An Giang, bà con nông dân đang khẩn trương thu hoạch lúa vụ Hè Thu.",
         "Theo Phòng Nông nghiệp và Phát triển nông thôn huyện, toàn huyện xuống giống 31.450 "
         "ha, đến nay đã thu hoạch hơn 12.000 ha, năng suất bình quân 6,2 tấn/ha.",
         "Giá lúa tươi tại ruộng dao động từ 5.300 đến 5.600 đồng/kg, nông dân có lãi khoảng "
         "18 đến 22 triệu đồng mỗi ha sau khi trừ chi phí.",
         "Ông Nguyễn Văn Tâm, ấp Tây Bình, cho biết nhờ áp dụng cơ giới hóa và giống lúa OM 5451 "
         "nên vụ này gia đình ông giảm được gần một phần ba chi phí nhân công.",
         "Ngành nông nghiệp khuyến cáo bà con thu hoạch dứt điểm trước mùa lũ, đồng thời vệ sinh "
         "đồng ruộng, cày ải để chuẩn bị cho vụ Thu Đông 2021."]),
    "khoi-cong-cau-song-hieu": (
        "Khởi công xây dựng cầu bắc qua sông Hiếu nối hai xã Cam Tuyền và Cam Thành",
        ["Ngày 09/3/2019, Ban Quản lý dự án đầu tư xây dựng huyện Cam Lộ tổ chức lễ khởi công "
         "công trình cầu bắc qua sông Hiếu với tổng mức đầu tư 68 tỷ đồng.",
         "Cầu có chiều dài 245 m, bề rộng 9 m, được thiết kế theo tiêu chuẩn tải trọng HL93; "
         "thời gian thi công dự kiến 24 tháng.",
         "Công trình hoàn thành sẽ rút ngắn quãng đường đi lại của hơn 7.000 hộ dân, tạo điều "
         "kiện giao thương hàng hóa nông sản giữa hai bờ sông.",
         "Chủ tịch UBND huyện yêu cầu đơn vị thi công bảo đảm an toàn lao động, vệ sinh môi "
         "trường và tiến độ, không để ảnh hưởng đến sinh hoạt của người dân.",
         "Trước đó, huyện đã hoàn thành công tác giải phóng mặt bằng với 37 hộ bị ảnh hưởng, "
         "chi trả bồi thường hơn 4,1 tỷ đồng.",
         "Dự án nằm trong danh mục công trình trọng điểm giai đoạn 2019 – 2021 của tỉnh Quảng "
         "Trị.",
         "Tham dự lễ khởi công có lãnh đạo Sở Giao thông vận tải, Sở Kế hoạch và Đầu tư cùng "
         "đông đảo nhân dân địa phương."]),
    "tuyen-sinh-lop-10": (
        "Thành phố Bạc Liêu công bố kế hoạch tuyển sinh vào lớp 10 năm học 2024 – 2025",
        ["Sở Giáo dục và Đào tạo tỉnh Bạc Liêu vừa ban hành kế hoạch tuyển sinh vào lớp 10 "
         "trung học phổ thông năm học 2024 – 2025.",
         "Kỳ thi diễn ra trong hai ngày 03 và 04/6/2024 với ba môn Ngữ văn, Toán và Tiếng Anh; "
         "thí sinh đăng ký nguyện vọng trực tuyến từ ngày 10/4.",
         "Trường THPT chuyên Bạc Liêu tuyển 315 học sinh, tổ chức thi thêm môn chuyên vào ngày "
         "05/6/2024.",
         "Phụ huynh có thể tra cứu thông tin chi tiết tại bộ phận một cửa của Sở hoặc trên cổng "
         "thông tin điện tử của tỉnh."]),
}

SITE = "https://haiang.quangtri.gov.vn"
REQUEST_HEADERS = {"User-Agent": DEFAULT_USER_AGENT, "Accept-Encoding": "gzip, deflate",
                   "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                   "Accept-Language": "vi,en;q=0.5", "Connection": "keep-alive"}


def html_page(title: str, paragraphs: list[str]) -> bytes:
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    page = (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f'</head>\n<body><div class="news-detail"><h1>{title}</h1>\n{text}</div>\n'
            '<div class="visitor">Số lượt truy cập: 1.254.377</div></body></html>\n')
    return unicodedata.normalize("NFC", page).encode("utf-8")


def gzipped(body: bytes) -> bytes:
    return gzip.compress(body, mtime=0)


def page_response(slug: str, **changes) -> Response:
    """An article page as the fetcher hands it over: the gzip bytes as received (`raw_body`),
    the decoded body, headers as the server sent them."""
    body = changes.pop("body", html_page(*ARTICLES[slug]))
    url = f"{SITE}/tin-tuc/{slug}.html"
    raw = gzipped(body)
    fields = dict(url=url, final_url=url, status=200, body=body, raw_body=raw,
                  headers={"Cache-Control": "private", "Content-Type": "text/html; charset=utf-8",
                           "Content-Encoding": "gzip", "Vary": "Accept-Encoding",
                           "Server": "Microsoft-IIS/10.0", "X-Powered-By": "ASP.NET",
                           "Date": "Wed, 14 Jun 2023 02:15:09 GMT",
                           "Content-Length": str(len(raw))},
                  request_headers=dict(REQUEST_HEADERS), elapsed=0.412)
    fields.update(changes)
    return Response(**fields)


def decoded_page_response(slug: str, **changes) -> Response:
    """The same page as govnews 0.2 handed it over: decoded, the raw bytes not kept."""
    return page_response(slug, raw_body=None, **changes)


def search_post() -> Response:
    form = "tuKhoa=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi&linhVuc=12&trang=2".encode("ascii")
    body = html_page("Kết quả tìm kiếm: nông thôn mới",
                     ["Tìm thấy 37 kết quả cho từ khóa “nông thôn mới”.",
                      "Xã Hải Ba đạt chuẩn nông thôn mới nâng cao năm 2022."])
    return Response(url=f"{SITE}/tim-kiem.aspx", final_url=f"{SITE}/tim-kiem.aspx", status=200,
                    headers={"Content-Type": "text/html; charset=utf-8",
                             "Transfer-Encoding": "chunked", "Server": "nginx"},
                    body=body, method="POST", request_body=form,
                    request_headers={**REQUEST_HEADERS, "Content-Length": str(len(form)),
                                     "Content-Type": "application/x-www-form-urlencoded"},
                    elapsed=1.07)


def redirected() -> Response:
    body = html_page(*ARTICLES["thu-hoach-lua-he-thu"])
    first = "http://thoaison.angiang.gov.vn/Default.aspx?tabid=85&ItemID=1432"
    final = "https://thoaison.angiang.gov.vn/tin-tuc/thu-hoach-lua-he-thu-1432.html"
    return Response(url=first, final_url=final, status=200,
                    headers={"Content-Type": "text/html; charset=utf-8",
                             "Content-Length": str(len(body))},
                    body=body, request_headers=dict(REQUEST_HEADERS), elapsed=0.93,
                    redirects=[(301, first.replace("http:", "https:", 1)), (302, final)])


def attachment() -> Response:
    """A PDF attachment whose UTF-8 filename requests decoded as ISO-8859-1."""
    disposition = 'attachment; filename="Kế hoạch tuyển sinh 2024.pdf"'.encode("utf-8")
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"
    return Response(url=f"{SITE}/van-ban/ke-hoach-tuyen-sinh.pdf",
                    final_url=f"{SITE}/van-ban/ke-hoach-tuyen-sinh.pdf", status=200,
                    headers={"Content-Type": "application/pdf",
                             "Content-Disposition": disposition.decode("latin-1"),
                             "Content-Length": str(len(body))},
                    body=body, request_headers=dict(REQUEST_HEADERS),
                    verify="/etc/govnews/ca/haiang-chain.pem")


def not_modified() -> Response:
    url = f"{SITE}/tin-tuc/danh-sach.aspx?page=1"
    return Response(url=url, final_url=url, status=304, headers={"ETag": '"5f2a-61c"'}, body=b"",
                    request_headers={**REQUEST_HEADERS, "If-None-Match": '"5f2a-61c"'})


def not_found() -> Response:
    url = f"{SITE}/tin-tuc/bai-viet-da-xoa.html"
    return Response(url=url, final_url=url, status=404,
                    headers={"Content-Type": "text/html; charset=utf-8"},
                    body="<html><body><h1>Không tìm thấy trang</h1></body></html>".encode(),
                    request_headers=dict(REQUEST_HEADERS))


def sample_responses() -> list[Response]:
    return [page_response(slug) for slug in ARTICLES] + [
        search_post(), redirected(), attachment(), not_modified(), not_found(),
        page_response("tuyen-sinh-lop-10", verify=False,
                      url="https://sgd.baclieu.gov.vn/tuyen-sinh",
                      final_url="https://sgd.baclieu.gov.vn/tuyen-sinh")]


def write_all(folder: Path, responses: list[Response], **options) -> list[Path]:
    with WarcArchive(folder, **options) as archive:
        for response in responses:
            archive.write(response)
    return archive.files


def warc_records(path: Path) -> list[dict]:
    """What a standard reader sees: WARC headers, HTTP headers and decoded content."""
    result = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            try:
                content = record.content_stream().read()
            except AttributeError:     # warcio 1.8 with brotli >= 1.2 (no unused_data): raw
                content = record.raw_stream.read()
            result.append({"type": record.rec_type,
                           "warc": dict(record.rec_headers.headers),
                           "http": record.http_headers,
                           "content": content})
    return result


def all_records(folder: Path) -> list[dict]:
    return [r for path in sorted(folder.glob("*.warc.gz")) for r in warc_records(path)]


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def run_warcio(*args: str | Path) -> subprocess.CompletedProcess:
    assert WARCIO.exists(), f"warcio CLI not found beside {sys.executable}"
    return subprocess.run([str(WARCIO), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


# -- round trip ------------------------------------------------------------------------------------
def test_iter_archived_returns_what_was_written(tmp_path):
    responses = sample_responses()
    write_all(tmp_path, responses, run_id="r1")
    assert [a.to_response() for a in iter_archived(tmp_path)] == responses


def test_archived_fields(tmp_path):
    write_all(tmp_path, [search_post(), redirected()], run_id="r1")
    post, moved = list(iter_archived(tmp_path))
    assert (post.method, post.status, post.request_body) == \
        ("POST", 200, b"tuKhoa=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi&linhVuc=12&trang=2")
    assert "Xã Hải Ba đạt chuẩn nông thôn mới" in post.body.decode("utf-8")
    assert moved.url == redirected().final_url
    assert moved.meta["url"] == redirected().url
    assert moved.warc_file == "govnews-r1-00000.warc.gz"
    assert moved.record_id.startswith("<urn:uuid:") and moved.date.endswith("Z")


# -- files -----------------------------------------------------------------------------------------
def test_file_is_open_while_written_and_renamed_on_close(tmp_path):
    archive = WarcArchive(tmp_path, run_id="20230614T021509123Z-4242")
    archive.write(page_response("hop-ban-phong-chong-sot-xuat-huyet"))
    name = "govnews-20230614T021509123Z-4242-00000.warc.gz"
    assert [p.name for p in tmp_path.iterdir()] == [name + ".open"]
    archive.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name.replace(".warc.gz", ".cdxj"), name]


def test_write_after_close_is_refused(tmp_path):
    archive = WarcArchive(tmp_path, run_id="r1")
    archive.close()
    with pytest.raises(ValueError):
        archive.write(not_found())


def test_each_file_starts_with_warcinfo_naming_software_operator_and_run(tmp_path):
    files = write_all(tmp_path, sample_responses(), run_id="r7", max_bytes=3000,
                      software="govnews/0.1", operator="Nhóm dữ liệu mở <data@example.vn>")
    assert len(files) > 1
    for path in files:
        first = warc_records(path)[0]
        assert first["type"] == "warcinfo"
        assert first["warc"]["WARC-Filename"] == path.name
        info = first["content"].decode("utf-8")
        for line in ("software: govnews/0.1", "format: WARC File Format 1.1",
                     "operator: Nhóm dữ liệu mở <data@example.vn>", "govnews-run-id: r7"):
            assert line in info.splitlines()


def test_tls_verification_off_is_noted_in_warcinfo_and_metadata(tmp_path):
    url = "https://sgd.baclieu.gov.vn/tuyen-sinh"
    insecure = page_response("tuyen-sinh-lop-10", verify=False, url=url, final_url=url)
    write_all(tmp_path, [not_found(), insecure], run_id="r1")
    records = all_records(tmp_path)
    notes = [r["content"].decode() for r in records if r["type"] == "warcinfo"]
    assert any("govnews-tls-verification-disabled: sgd.baclieu.gov.vn" in n for n in notes)
    metadata = [json.loads(r["content"]) for r in records if r["type"] == "metadata"]
    assert [m["verify"] for m in metadata] == [True, False]
    # a later file names the host in its first warcinfo
    files = write_all(tmp_path / "rotated", [insecure, not_found()], run_id="r2", max_bytes=1)
    second = warc_records(files[1])[0]["content"].decode()
    assert "govnews-tls-verification-disabled: sgd.baclieu.gov.vn" in second


def test_numbering_continues_after_existing_files(tmp_path):
    write_all(tmp_path, [not_found()], run_id="r1")
    files = write_all(tmp_path, [not_found()], run_id="r1")
    assert [p.name for p in files] == ["govnews-r1-00001.warc.gz"]


def test_rotation_keeps_each_fetch_in_one_file(tmp_path):
    responses = sample_responses()
    files = write_all(tmp_path, responses, run_id="r1", max_bytes=2500)
    assert [p.name for p in files] == [f"govnews-r1-{n:05d}.warc.gz" for n in range(len(files))]
    assert len(files) >= 3
    for path in files:
        records = warc_records(path)
        ids = {r["warc"]["WARC-Record-ID"] for r in records if r["type"] in ("response", "revisit")}
        linked = {r["warc"]["WARC-Concurrent-To"] for r in records
                  if r["type"] in ("request", "metadata")}
        assert ids == linked and ids
    assert [a.to_response() for a in iter_archived(tmp_path)] == responses


# -- records as standard tools see them ------------------------------------------------------------
def raw_payloads(path: Path) -> list[tuple[str, bytes]]:
    """(type, stored payload bytes) of each record: what is in the file, nothing decoded."""
    result = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            result.append((record.rec_type, record.raw_stream.read()))
    return result


def test_response_record_holds_the_bytes_as_received(tmp_path):
    response = page_response("khoi-cong-cau-song-hieu")
    (path,) = write_all(tmp_path, [response], run_id="r1")
    record = next(r for r in all_records(tmp_path) if r["type"] == "response")
    http = record["http"]
    assert record["content"] == response.body           # a standard reader decodes it
    assert dict(raw_payloads(path))["response"] == response.raw_body
    assert http.get_statuscode() == "200" and http.protocol == "HTTP/1.1"
    assert http.get_header("Content-Encoding") == "gzip"
    assert http.get_header("Content-Length") == str(len(response.raw_body))
    assert not [n for n, _ in http.headers if n.startswith("X-Govnews-")]
    assert record["warc"]["WARC-Target-URI"] == response.final_url
    assert record["warc"]["WARC-Payload-Digest"] == sha1_b32(response.raw_body)
    assert record["warc"]["WARC-Block-Digest"].startswith("sha1:")
    (archived,) = iter_archived(tmp_path)
    assert archived.body == response.body and archived.raw_body == response.raw_body
    assert archived.headers == response.headers


def test_response_without_raw_bytes_is_stored_decoded_as_before(tmp_path):
    response = decoded_page_response("khoi-cong-cau-song-hieu")
    write_all(tmp_path, [response], run_id="r1")
    record = next(r for r in all_records(tmp_path) if r["type"] == "response")
    http = record["http"]
    assert record["content"] == response.body
    assert http.get_header("Content-Encoding") is None
    assert http.get_header("Content-Length") == str(len(response.body))
    assert http.get_header("X-Govnews-Original-Content-Encoding") == "gzip"
    assert http.get_header("X-Govnews-Original-Content-Length") == \
        response.headers["Content-Length"]
    assert record["warc"]["WARC-Payload-Digest"] == sha1_b32(response.body)
    assert [a.to_response() for a in iter_archived(tmp_path)] == [response]


def test_deflate_and_unknown_codings_round_trip(tmp_path):
    import zlib
    body = html_page(*ARTICLES["tuyen-sinh-lop-10"])
    deflated = page_response("tuyen-sinh-lop-10", raw_body=zlib.compress(body),
                             headers={"Content-Type": "text/html", "Content-Encoding": "deflate"})
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)        # raw deflate, as some IIS send it
    raw_deflate = packer.compress(body) + packer.flush()
    bare = page_response("tuyen-sinh-lop-10", raw_body=raw_deflate, url=f"{SITE}/raw",
                         final_url=f"{SITE}/raw",
                         headers={"Content-Type": "text/html", "Content-Encoding": "deflate"})
    brotli = page_response("tuyen-sinh-lop-10", body=b"\x1b\x2f\x00brotli?", raw_body=None,
                           url=f"{SITE}/br", final_url=f"{SITE}/br",
                           headers={"Content-Type": "text/html", "Content-Encoding": "br"})
    write_all(tmp_path, [deflated, bare, brotli], run_id="r1")
    assert [a.to_response() for a in iter_archived(tmp_path)] == [deflated, bare, brotli]
    http = [r["http"] for r in all_records(tmp_path) if r["type"] == "response"]
    assert [h.get_header("Content-Encoding") for h in http] == ["deflate", "deflate", "br"]


def test_metadata_records_have_metadata_uris_that_replay_skips(tmp_path):
    response = redirected()
    (path,) = write_all(tmp_path, [response, search_post()], run_id="r1")
    records = warc_records(path)
    metadata = [r["warc"]["WARC-Target-URI"] for r in records if r["type"] == "metadata"]
    assert metadata == ["metadata://" + response.final_url,
                        "metadata://https://haiang.quangtri.gov.vn/tim-kiem.aspx"]
    targets = {r["warc"]["WARC-Target-URI"] for r in records if r["type"] in ("response", "request")}
    assert not set(metadata) & targets
    # and its index (written as the file closed) sorts no metadata entry under the page's key
    index = path.with_name(path.name.replace(".warc.gz", ".cdxj"))
    keys = {}
    for line in index.read_text().splitlines():
        key, _, fields = line.split(" ", 2)
        keys.setdefault(key.split("?")[0], []).append(json.loads(fields)["mime"])
    assert keys["vn,gov,angiang,thoaison)/tin-tuc/thu-hoach-lua-he-thu-1432.html"] == ["text/html"]
    assert keys["vn,gov,quangtri,haiang)/tim-kiem.aspx"] == ["text/html"]    # the POST
    assert keys["https)/thoaison.angiang.gov.vn/tin-tuc/thu-hoach-lua-he-thu-1432.html"] == \
        ["application/json"]


def test_chunked_response_gets_a_content_length(tmp_path):
    response = search_post()
    write_all(tmp_path, [response], run_id="r1")
    http = next(r for r in all_records(tmp_path) if r["type"] == "response")["http"]
    assert http.get_header("Transfer-Encoding") is None
    assert http.get_header("X-Govnews-Original-Transfer-Encoding") == "chunked"
    assert http.get_header("Content-Length") == str(len(response.body))


def test_request_record_holds_method_path_headers_and_post_body(tmp_path):
    response = search_post()
    write_all(tmp_path, [response], run_id="r1")
    records = all_records(tmp_path)
    main = next(r for r in records if r["type"] == "response")
    request = next(r for r in records if r["type"] == "request")
    assert request["warc"]["WARC-Concurrent-To"] == main["warc"]["WARC-Record-ID"]
    assert request["warc"]["WARC-Target-URI"] == response.final_url
    assert (request["http"].protocol, request["http"].statusline) == \
        ("POST", "/tim-kiem.aspx HTTP/1.1")
    assert request["http"].get_header("Content-Type") == "application/x-www-form-urlencoded"
    assert request["content"] == response.request_body


def test_metadata_record_carries_redirect_chain(tmp_path):
    response = redirected()
    write_all(tmp_path, [response], run_id="r1")
    records = all_records(tmp_path)
    main = next(r for r in records if r["type"] == "response")
    metadata = next(r for r in records if r["type"] == "metadata")
    assert main["warc"]["WARC-Target-URI"] == response.final_url
    assert metadata["warc"]["WARC-Concurrent-To"] == main["warc"]["WARC-Record-ID"]
    assert metadata["warc"]["Content-Type"] == "application/json"
    assert json.loads(metadata["content"]) == {
        "url": response.url, "final_url": response.final_url,
        "redirects": [list(hop) for hop in response.redirects], "verify": True,
        "truncated": False, "elapsed": 0.93}


def test_header_bytes_are_stored_as_sent(tmp_path):
    response = attachment()
    write_all(tmp_path, [response], run_id="r1")
    raw = gzip.decompress(next(tmp_path.glob("*.warc.gz")).read_bytes())
    assert 'filename="Kế hoạch tuyển sinh 2024.pdf"'.encode("utf-8") in raw
    archived = next(iter_archived(tmp_path))
    assert archived.headers == response.headers and archived.body == response.body


def test_warcio_check_and_index_accept_the_files(tmp_path):
    responses = sample_responses() + [page_response("thu-hoach-lua-he-thu", url=f"{SITE}/copy",
                                                    final_url=f"{SITE}/copy")]
    files = write_all(tmp_path, responses, run_id="r1", max_bytes=4000)
    check = run_warcio("check", "-v", *files)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout and "failed" not in check.stdout
    fields = "filename,offset,warc-type,warc-target-uri,http:status"
    index = run_warcio("index", "-f", fields, *files)
    assert index.returncode == 0, index.stderr
    rows = [json.loads(line) for line in index.stdout.splitlines()]
    types = [row["warc-type"] for row in rows]
    firsts = [row for row in rows if row["offset"] == "0"]
    assert [(row["filename"], row["warc-type"]) for row in firsts] == \
        [(path.name, "warcinfo") for path in files]
    assert types.count("response") + types.count("revisit") == len(responses)
    assert types.count("request") == types.count("metadata") == len(responses)
    statuses = [row["http:status"] for row in rows if row["warc-type"] in ("response", "revisit")]
    assert statuses == [str(r.status) for r in responses]


# -- identical payloads ----------------------------------------------------------------------------
def test_identical_payload_is_written_once_as_revisit(tmp_path):
    first = page_response("hop-ban-phong-chong-sot-xuat-huyet")
    url = f"{SITE}/Default.aspx?ItemID=88"
    again = page_response("hop-ban-phong-chong-sot-xuat-huyet", url=url, final_url=url)
    write_all(tmp_path, [first, again], run_id="r1")
    records = all_records(tmp_path)
    original = next(r for r in records if r["type"] == "response")
    revisit = next(r for r in records if r["type"] == "revisit")
    assert revisit["warc"]["WARC-Profile"] == REVISIT_PROFILE
    assert revisit["warc"]["WARC-Refers-To-Target-URI"] == first.final_url
    assert revisit["warc"]["WARC-Refers-To-Date"] == original["warc"]["WARC-Date"]
    assert revisit["warc"]["WARC-Refers-To"] == original["warc"]["WARC-Record-ID"]
    assert revisit["warc"]["WARC-Payload-Digest"] == original["warc"]["WARC-Payload-Digest"]
    assert revisit["content"] == b""
    assert revisit["http"].get_statuscode() == "200"
    archived = list(iter_archived(tmp_path))
    assert [a.body for a in archived] == [first.body, first.body]
    assert archived[1].url == again.final_url
    assert archived[1].meta["revisit_of"] == original["warc"]["WARC-Record-ID"]


def test_empty_and_truncated_bodies_are_not_deduplicated(tmp_path):
    cut = page_response("thu-hoach-lua-he-thu", truncated=True)
    write_all(tmp_path, [not_modified(), not_modified(), cut, cut], run_id="r1")
    records = all_records(tmp_path)
    assert [r["type"] for r in records if r["type"] in ("response", "revisit")] == ["response"] * 4
    assert [r["warc"].get("WARC-Truncated") for r in records if r["type"] == "response"] == \
        [None, None, "length", "length"]


def test_revisit_refers_across_files_and_runs(tmp_path):
    page = page_response("khoi-cong-cau-song-hieu")
    later = page_response("khoi-cong-cau-song-hieu", status=200, url=f"{SITE}/in/88",
                          final_url=f"{SITE}/in/88")
    write_all(tmp_path, [page, not_found()], run_id="20230101T000000000Z-1", max_bytes=1)
    write_all(tmp_path, [later], run_id="20230102T000000000Z-1")
    newest = warc_records(sorted(tmp_path.glob("*.warc.gz"))[-1])
    assert [r["type"] for r in newest] == ["warcinfo", "revisit", "request", "metadata"]
    archived = list(iter_archived(tmp_path))
    assert [a.body for a in archived] == [page.body, not_found().body, page.body]
    assert archived[2].to_response() == later


def test_revisit_whose_original_is_gone_is_flagged(tmp_path):
    page = page_response("khoi-cong-cau-song-hieu")
    write_all(tmp_path, [page], run_id="20230101T000000000Z-1")
    write_all(tmp_path, [page], run_id="20230102T000000000Z-1")
    sorted(tmp_path.glob("*.warc.gz"))[0].unlink()
    (archived,) = iter_archived(tmp_path)
    assert archived.body == b"" and archived.meta["payload_missing"] is True


# -- crashes ---------------------------------------------------------------------------------------
def complete_record_ends(path: Path) -> list[tuple[str, int]]:
    """(record type, end offset) of every record in a file."""
    result = []
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            record.content_stream().read()
            end = records.get_record_offset() + records.get_record_length()
            result.append((record.rec_type, end))
    return result


def test_truncated_open_file_is_read_up_to_the_damage(tmp_path):
    responses = sample_responses()
    (full,) = write_all(tmp_path / "full", responses, run_id="r1")
    data = full.read_bytes()
    ends = [end for kind, end in complete_record_ends(full) if kind in ("response", "revisit")]
    cuts = sorted({*range(0, len(data), 97), *(e - 1 for e in ends), *ends, *(e + 5 for e in ends)})
    for cut in cuts:
        folder = tmp_path / f"cut{cut}"
        folder.mkdir()
        (folder / "govnews-r1-00000.warc.gz.open").write_bytes(data[:cut])
        urls = [a.url for a in iter_archived(folder)]
        complete = sum(1 for end in ends if end <= cut)
        assert urls == [r.final_url for r in responses[:len(urls)]], cut
        assert complete <= len(urls) <= complete + 1, cut


def test_garbage_tail_stops_the_file_not_the_run(tmp_path):
    responses = sample_responses()
    (first,) = write_all(tmp_path, responses[:3], run_id="20230101T000000000Z-1")
    with open(first, "ab") as stream:
        head = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 9000\r\n\r\nHTTP"
        stream.write(gzip.compress(head))
        stream.write(os.urandom(300))
    write_all(tmp_path, responses[3:5], run_id="20230102T000000000Z-1")
    assert [a.url for a in iter_archived(tmp_path)] == [r.final_url for r in responses[:5]]


def test_record_failing_its_block_digest_is_skipped_and_the_next_record_read(tmp_path):
    """A damaged record costs itself only: each record is its own gzip member, so the reading goes
    on at the next member (hostile 9: one bad member hid every record after it)."""
    responses = sample_responses()[:3]
    (path,) = write_all(tmp_path / "good", responses, run_id="r1")
    data = path.read_bytes()
    ends = complete_record_ends(path)
    second = [i for i, (kind, _) in enumerate(ends) if kind == "response"][1]
    start, end = ends[second - 1][1], ends[second][1]
    member = gzip.decompress(data[start:end])
    assert b"Microsoft-IIS/10.0" in member                 # in the block (HTTP headers)
    damaged = data[:start] + gzip.compress(member.replace(b"IIS/10.0", b"IIS/10.1", 1)) \
        + data[end:]
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / path.name).write_bytes(damaged)
    assert run_warcio("check", folder / path.name).returncode == 1
    errors = []
    assert [a.to_response() for a in iter_archived(folder, errors=errors)] == [responses[0], responses[2]]
    assert [e.offset for e in errors] == [start] and "digest" in errors[0].reason


KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    sys.path.insert(0, {tests!r})
    from govnews.scraper.archive import WarcArchive
    from test_archive import sample_responses
    archive = WarcArchive(Path({folder!r}), run_id="r1")
    for response in sample_responses()[:5]:
        archive.write(response)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_killed_writer_leaves_open_file_and_next_archive_starts_a_new_one(tmp_path):
    script = KILLED_WRITER.format(repo=str(REPO), tests=str(REPO / "tests"), folder=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()
    (left,) = tmp_path.iterdir()
    assert left.name == "govnews-r1-00000.warc.gz.open"
    before = left.read_bytes()
    responses = sample_responses()
    assert [a.to_response() for a in iter_archived(tmp_path)] == responses[:5]

    files = write_all(tmp_path, [responses[0], responses[5]], run_id="r1")
    assert [p.name for p in files] == ["govnews-r1-00001.warc.gz"]
    assert left.read_bytes() == before
    # the crashed file's payloads are not referred to: the new file stands on its own
    assert [r["type"] for r in warc_records(files[0])].count("response") == 2
    assert [a.to_response() for a in iter_archived(tmp_path)] == \
        responses[:5] + [responses[0], responses[5]]


# -- threads ---------------------------------------------------------------------------------------
def test_threads_writing_concurrently_produce_a_valid_archive(tmp_path):
    slugs = list(ARTICLES)

    def responses_of(worker: int) -> list[Response]:
        result = []
        for n in range(25):
            url = f"https://xa{worker}.haiang.quangtri.gov.vn/tin-tuc/{n}.html"
            # every third page repeats an article body: revisits race with originals
            slug = slugs[n % len(slugs)]
            response = page_response(slug, url=url, final_url=url)
            if n % 3:
                mark = f"<!-- {worker}/{n} --></body>".encode()
                response.body = response.body.replace(b"</body>", mark)
                response.raw_body = gzipped(response.body)
            result.append(response)
        return result

    plans = {worker: responses_of(worker) for worker in range(8)}
    archive = WarcArchive(tmp_path, run_id="r1", max_bytes=20_000)
    start = threading.Barrier(len(plans))

    def work(worker: int) -> None:
        start.wait()
        for response in plans[worker]:
            archive.write(response)

    threads = [threading.Thread(target=work, args=(w,)) for w in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    archive.close()

    assert len(archive.files) > 1
    check = run_warcio("check", *archive.files)
    assert check.returncode == 0, check.stdout + check.stderr
    written = sorted((r.final_url, r.body) for plan in plans.values() for r in plan)
    archived = list(iter_archived(tmp_path))
    assert sorted((a.url, a.body) for a in archived) == written
    assert all(a.meta["url"] == a.url and a.method == "GET" for a in archived)
    records = all_records(tmp_path)
    assert sum(r["type"] == "revisit" for r in records) > 0
    for position, record in enumerate(records):
        if record["type"] in ("response", "revisit"):
            following = records[position + 1:position + 3]
            assert [r["type"] for r in following] == ["request", "metadata"]
            assert {r["warc"]["WARC-Concurrent-To"] for r in following} == \
                {record["warc"]["WARC-Record-ID"]}


# -- records from other writers --------------------------------------------------------------------
def test_records_from_other_writers_are_decoded(tmp_path):
    """pywb-style order (request first) and a gzip + chunked body stored as sent."""
    noise = base64.b64encode(os.urandom(60_000)).decode()    # several reader buffers long
    body = html_page(*ARTICLES["tuyen-sinh-lop-10"]).replace(
        b"</body>", f"<!-- {noise} --></body>".encode())
    packed = gzip.compress(body)
    assert len(packed) > 3 * 16384
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
    url = "https://baclieu.gov.vn/tin/tuyen-sinh"
    with open(tmp_path / "other-00000.warc.gz", "wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="WARC/1.1")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                           ("Content-Encoding", "gzip"),
                                           ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
        response = writer.create_warc_record(url, "response", payload=BytesIO(chunked),
                                             length=len(chunked), http_headers=http)
        request = writer.create_warc_record(
            url, "request", payload=BytesIO(b""), length=0,
            http_headers=StatusAndHeaders("GET /tin/tuyen-sinh HTTP/1.1",
                                          [("Host", "baclieu.gov.vn")], is_http_request=True))
        request.rec_headers.add_header("WARC-Concurrent-To",
                                       response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(request)
        writer.write_record(response)
    (archived,) = iter_archived(tmp_path)
    assert archived.body == body
    assert archived.headers["Content-Encoding"] == "gzip"
    assert archived.request_headers == {"Host": "baclieu.gov.vn"}


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(iter_archived(tmp_path / "warc"))


# -- references, errors, finalising after a crash ---------------------------------------------------
def test_write_returns_the_final_file_name_and_record_id(tmp_path):
    from govnews.scraper.archive import WarcRef
    responses = sample_responses()
    with WarcArchive(tmp_path, run_id="r1", max_bytes=3000) as archive:
        refs = [archive.write(response) for response in responses]
    assert all(isinstance(ref, WarcRef) for ref in refs)
    assert {ref.filename for ref in refs} == {p.name for p in archive.files}
    assert not any(ref.filename.endswith(".open") for ref in refs)
    archived = list(iter_archived(tmp_path))
    assert [(a.warc_file, a.record_id) for a in archived] == [tuple(ref) for ref in refs]
    assert {a.run_id for a in archived} == {"r1"}


def test_damaged_records_are_reported_not_hidden(tmp_path, caplog):
    from govnews.scraper.archive import ArchiveError
    responses = sample_responses()
    (path,) = write_all(tmp_path, responses, run_id="r1")
    ends = [end for kind, end in complete_record_ends(path) if kind == "response"]
    path.write_bytes(path.read_bytes()[: ends[2] + 300])
    errors: list = []
    urls = [a.url for a in iter_archived(tmp_path, errors=errors)]
    assert urls == [r.final_url for r in responses[:3]]
    (error,) = errors
    assert isinstance(error, ArchiveError) and error.filename == path.name
    assert error.offset >= ends[2] - 2000 and error.offset <= ends[2] + 300
    assert f"offset {error.offset}" in str(error)
    assert any(path.name in r.getMessage() and f"offset {error.offset}" in r.getMessage()
               for r in caplog.records if r.levelname == "WARNING")
    # a complete file reports nothing
    (other,) = write_all(tmp_path / "ok", responses[:2], run_id="r1")
    errors = []
    assert len(list(iter_archived(other.parent, errors=errors))) == 2 and errors == []


def read_to_the_end(path: Path) -> int:
    """Records a standard reader finds, reading every byte; raises on any damage."""
    count = 0
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream, check_digests=True)
        for record in records:
            record.content_stream().read()
            count += 1
        assert records.err_count == 0
    return count


def test_finalise_keeps_complete_records_and_cuts_the_tail(tmp_path):
    from govnews.scraper.archive import finalise_open_files
    responses = sample_responses()
    (full,) = write_all(tmp_path / "full", responses, run_id="r1")
    data = full.read_bytes()
    ends = complete_record_ends(full)
    record_ends = [end for _, end in ends]
    cuts = sorted({*range(0, len(data), 211), *(e - 1 for e in record_ends),
                   *(e - 9 for e in record_ends), *record_ends})
    for cut in cuts:
        folder = tmp_path / f"cut{cut}"
        folder.mkdir()
        (folder / (full.name + ".open")).write_bytes(data[:cut])
        ((final, kept, dropped),) = finalise_open_files(folder)
        assert final == folder / full.name and [p.name for p in folder.iterdir()] == [full.name]
        complete = [end for end in record_ends if end <= cut]
        assert kept == len(complete), cut
        assert final.read_bytes() == data[:complete[-1] if complete else 0], cut
        assert dropped == cut - (complete[-1] if complete else 0)
        assert read_to_the_end(final) == kept
        errors: list = []
        archived = list(iter_archived(folder, errors=errors))
        assert errors == [] and [a.url for a in archived] == \
            [r.final_url for r in responses[:len(archived)]]
    check = run_warcio("check", *(tmp_path / f"cut{cut}" / full.name for cut in cuts))
    assert check.returncode == 0, check.stdout + check.stderr


def test_finalised_killed_writer_file_passes_warcio_check(tmp_path):
    from govnews.scraper.archive import finalise_open_files
    script = KILLED_WRITER.format(repo=str(REPO), tests=str(REPO / "tests"), folder=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()
    (left,) = tmp_path.iterdir()
    size = left.stat().st_size
    with open(left, "ab") as stream:                 # and a record cut in the middle
        stream.write(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + os.urandom(5000))[:700])
    ((final, kept, dropped),) = finalise_open_files(tmp_path)
    assert final.name == "govnews-r1-00000.warc.gz" and dropped == 700
    assert final.stat().st_size == size and kept == read_to_the_end(final)
    check = run_warcio("check", "-v", final)
    assert check.returncode == 0, check.stdout + check.stderr
    assert [a.to_response() for a in iter_archived(tmp_path)] == sample_responses()[:5]
    assert finalise_open_files(tmp_path) == []


def test_finalise_never_overwrites_and_handles_empty_files(tmp_path):
    from govnews.scraper.archive import finalise_open_files
    (done,) = write_all(tmp_path, [not_found()], run_id="r1")
    twin = tmp_path / (done.name + ".open")
    twin.write_bytes(b"partial")
    before = done.read_bytes()
    empty = tmp_path / "govnews-r2-00000.warc.gz.open"
    empty.write_bytes(b"")
    result = finalise_open_files(tmp_path)
    assert result == [(tmp_path / "govnews-r2-00000.warc.gz", 0, 0)]
    assert done.read_bytes() == before and twin.read_bytes() == b"partial"
    assert read_to_the_end(tmp_path / "govnews-r2-00000.warc.gz") == 0


# -- CDXJ indexes ------------------------------------------------------------------------------------
def _drop_indexes(folder: Path) -> None:
    """The indexes WarcArchive wrote as each file closed: gone, as after a crash."""
    for index in folder.glob("*.cdxj"):
        index.unlink()


def test_index_warcs_writes_a_sorted_index_beside_each_closed_file(tmp_path):
    from govnews.scraper.archive import index_warcs
    responses = sample_responses()
    files = write_all(tmp_path, responses, run_id="r1", max_bytes=4000)
    _drop_indexes(tmp_path)
    (tmp_path / "govnews-r2-00000.warc.gz.open").write_bytes(b"")      # a run still writing
    indexes = index_warcs(tmp_path)
    assert [p.name for p in indexes] == [f.name.replace(".warc.gz", ".cdxj") for f in files]
    lines = [line for index in indexes for line in index.read_text().splitlines()]
    for index in indexes:
        own = index.read_text().splitlines()
        assert own == sorted(own)
    entries = [json.loads(line.split(" ", 2)[2]) for line in lines]
    pages = [e for e in entries if not e["url"].startswith("metadata://")]
    assert sorted(e["url"] for e in pages) == sorted(r.final_url for r in responses)
    assert {e["filename"] for e in entries} == {f.name for f in files}
    # up to date: nothing written again; a finalised crash file gets its index next time
    assert index_warcs(tmp_path) == []
    (tmp_path / "govnews-r2-00000.warc.gz.open").unlink()
    crashed = write_all(tmp_path / "other", [not_found()], run_id="r3")[0]
    _drop_indexes(tmp_path / "other")
    os.rename(crashed, tmp_path / crashed.name)
    assert [p.name for p in index_warcs(tmp_path)] == ["govnews-r3-00000.cdxj"]


def test_index_entries_point_at_the_records(tmp_path):
    (path,) = write_all(tmp_path, sample_responses() + [search_post()], run_id="r1")
    index = path.with_name(path.name.replace(".warc.gz", ".cdxj"))
    data = path.read_bytes()
    for line in index.read_text().splitlines():
        entry = json.loads(line.split(" ", 2)[2])
        member = gzip.decompress(data[int(entry["offset"]):][:int(entry["length"])])
        assert member.startswith(b"WARC/1.1\r\n")
        assert f"WARC-Target-URI: {entry['url']}\r\n".encode() in member


def test_the_index_written_while_writing_is_the_one_cdxj_indexer_writes(tmp_path):
    """WarcArchive notes each record's index line as it writes it (no re-reading of the file at
    the end of a task): the same bytes as cdxj-indexer reading the file back, for GET and POST
    responses, revisits, metadata, a TLS note, rotation over several files."""
    from govnews.scraper.archive import index_warcs
    unverified = page_response("thu-hoach-lua-he-thu")
    unverified.verify = False
    responses = sample_responses() + [search_post(), redirected(), unverified, not_found()]
    responses += [page_response("hop-ban-phong-chong-sot-xuat-huyet")]      # a revisit
    files = write_all(tmp_path, responses, run_id="r1", max_bytes=6000)
    assert len(files) >= 2
    written = {p.name: p.read_text() for p in tmp_path.glob("*.cdxj")}
    assert sorted(written) == sorted(f.name.replace(".warc.gz", ".cdxj") for f in files)
    assert any('"method": "POST"' in text for text in written.values())
    assert any('"mime": "warc/revisit"' in text for text in written.values())
    _drop_indexes(tmp_path)
    index_warcs(tmp_path)
    assert {p.name: p.read_text() for p in tmp_path.glob("*.cdxj")} == written


def test_a_damaged_file_costs_only_its_own_index(tmp_path):
    from govnews.scraper.archive import index_warcs
    write_all(tmp_path, [not_found()], run_id="r1")
    _drop_indexes(tmp_path)
    (tmp_path / "govnews-r0-00000.warc.gz").write_bytes(b"\x1f\x8b\x08garbage" * 50)
    errors: list = []
    written = index_warcs(tmp_path, errors=errors)
    assert [p.name for p in written] == ["govnews-r1-00000.cdxj"]
    assert [e.filename for e in errors] == ["govnews-r0-00000.warc.gz"]
    assert not list(tmp_path.glob("*.partial"))


def _digest_store(tmp_path, *hooks):
    """A shard's store with `hooks` told of its commits first, then its payload index."""
    from govnews.output.store import Store
    from govnews.scraper.archive import SqliteDigests
    store = Store.open(tmp_path / "shard", wal=False)
    for hook in hooks:
        store.add_commit_hook(hook)
    return store, SqliteDigests(store.conn, store.lock, store=store)


class FailingCommit:
    """A commit hook that, once armed, fails the commit (disk I/O error at COMMIT time)."""
    armed = False

    def before_commit(self, conn):
        if self.armed:
            raise sqlite3.OperationalError("disk I/O error")

    def committed(self):
        pass

    def rolled_back(self):
        pass


def test_payload_digests_are_done_with_once_their_transaction_commits(tmp_path):
    """An entry committed with a page is not written again when a later commit fails: a
    digest removed after its commit stayed removed (it came back with the next page before)."""
    failing = FailingCommit()
    store, digests = _digest_store(tmp_path, failing)
    try:
        digests["sha1:AAA"] = ("https://a.gov.vn/1", "2024-01-01T00:00:00Z", "<urn:uuid:1>")
        with store.transaction():
            pass                                      # a page's commit carries the entry
        del digests["sha1:AAA"]
        failing.armed = True
        with pytest.raises(sqlite3.OperationalError):
            with store.transaction():
                pass
        failing.armed = False
        with store.transaction():
            pass
        assert "sha1:AAA" not in digests
    finally:
        store.close()


def test_a_failed_archive_close_still_detaches_the_payload_index(tmp_path, monkeypatch):
    """Closing the WARC file fails: the archive's waiting digests are written all the same and
    the store's later transactions no longer call into the closed archive's index."""
    store, digests = _digest_store(tmp_path)
    try:
        archive = WarcArchive(tmp_path / "warc", run_id="r1", digests=digests)
        archive.write(page_response("khoi-cong-cau-song-hieu"))
        calls = []
        monkeypatch.setattr(digests, "before_commit",
                            lambda conn, real=digests.before_commit: (calls.append(1), real(conn)))

        def broken_close():
            raise OSError(5, "Input/output error")
        monkeypatch.setattr(archive, "_close_current", broken_close)
        with pytest.raises(OSError):
            archive.close()
        assert len(calls) == 1                        # the close's own flush
        assert store.conn.execute("SELECT COUNT(*) FROM warc_payloads").fetchone()[0] == 1
        with store.transaction():
            pass
        assert len(calls) == 1
    finally:
        store.close()

package org.servicequality.ledger.ops.demo;

import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.staff.StaffRole;

import java.util.List;
import java.util.Map;

import static org.servicequality.ledger.api.staff.StaffRole.ADMINISTRATIVE;
import static org.servicequality.ledger.api.staff.StaffRole.CATERING;
import static org.servicequality.ledger.api.staff.StaffRole.CLEANING;
import static org.servicequality.ledger.api.staff.StaffRole.CLINICAL;
import static org.servicequality.ledger.api.staff.StaffRole.LIFT_ATTENDANT;
import static org.servicequality.ledger.api.staff.StaffRole.LOGISTICS;
import static org.servicequality.ledger.api.staff.StaffRole.MEDICAL_TECHNICAL;
import static org.servicequality.ledger.api.staff.StaffRole.NURSING;
import static org.servicequality.ledger.api.staff.StaffRole.OTHER;
import static org.servicequality.ledger.api.staff.StaffRole.SECURITY;
import static org.servicequality.ledger.api.staff.StaffRole.SERVICE_WINDOW;

/** The fixed part of the demo hospital: its departments and the words its people and patients use. */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    /**
     * @param weight    relative size (staff) and relative public contact (cases, service volume)
     * @param roles     the roles of its staff, in the order they are handed out
     * @param contacts  typical service contacts per month (patients seen, transactions at the window)
     */
    record DepartmentSpec(String id, String nameZh, String nameEn, DepartmentKind kind, int weight,
                          List<StaffRole> roles, int contacts) {
    }

    static final List<DepartmentSpec> DEPARTMENTS = List.of(
            clinical("CARDIOLOGY", "心血管内科", "Cardiology", 16, 9_000),
            clinical("RESPIRATORY", "呼吸内科", "Respiratory Medicine", 14, 10_500),
            clinical("GASTROENTEROLOGY", "消化内科", "Gastroenterology", 13, 8_200),
            clinical("ENDOCRINOLOGY", "内分泌科", "Endocrinology", 10, 7_400),
            clinical("NEUROLOGY", "神经内科", "Neurology", 12, 6_900),
            clinical("GENERAL-SURGERY", "普通外科", "General Surgery", 15, 6_300),
            clinical("ORTHOPAEDICS", "骨科", "Orthopaedics", 14, 7_800),
            clinical("OBSTETRICS-GYNAECOLOGY", "妇产科", "Obstetrics and Gynaecology", 16, 9_600),
            clinical("PAEDIATRICS", "儿科", "Paediatrics", 15, 12_400),
            clinical("EMERGENCY", "急诊科", "Emergency Department", 18, 11_200),
            clinical("OPHTHALMOLOGY", "眼科", "Ophthalmology", 8, 6_100),
            clinical("STOMATOLOGY", "口腔科", "Stomatology (Dental)", 8, 5_200),
            new DepartmentSpec("LABORATORY", "检验科", "Clinical Laboratory", DepartmentKind.MEDICAL_TECHNICAL, 12,
                    List.of(MEDICAL_TECHNICAL, MEDICAL_TECHNICAL, SERVICE_WINDOW), 21_000),
            new DepartmentSpec("RADIOLOGY", "放射科", "Radiology", DepartmentKind.MEDICAL_TECHNICAL, 11,
                    List.of(MEDICAL_TECHNICAL, MEDICAL_TECHNICAL, NURSING, SERVICE_WINDOW), 9_800),
            new DepartmentSpec("ULTRASOUND", "超声医学科", "Ultrasound", DepartmentKind.MEDICAL_TECHNICAL, 8,
                    List.of(MEDICAL_TECHNICAL, MEDICAL_TECHNICAL, SERVICE_WINDOW), 8_700),
            new DepartmentSpec("PHARMACY", "药剂科", "Pharmacy", DepartmentKind.MEDICAL_TECHNICAL, 12,
                    List.of(MEDICAL_TECHNICAL, SERVICE_WINDOW, SERVICE_WINDOW), 24_000),
            new DepartmentSpec("REGISTRATION-BILLING", "门诊挂号收费处", "Outpatient Registration and Billing", DepartmentKind.SERVICE_WINDOW, 12,
                    List.of(SERVICE_WINDOW, SERVICE_WINDOW, ADMINISTRATIVE), 38_000),
            new DepartmentSpec("ADMISSION-DISCHARGE", "住院出入院结算处", "Admission and Discharge Settlement", DepartmentKind.SERVICE_WINDOW, 8,
                    List.of(SERVICE_WINDOW, SERVICE_WINDOW, ADMINISTRATIVE), 4_600),
            new DepartmentSpec("SERVICE-CENTRE", "门诊服务中心", "Outpatient Service Centre", DepartmentKind.SERVICE_WINDOW, 9,
                    List.of(SERVICE_WINDOW, NURSING, OTHER), 15_500),
            new DepartmentSpec("MEDICAL-AFFAIRS", "医务处", "Medical Affairs Office", DepartmentKind.ADMINISTRATIVE, 6,
                    List.of(ADMINISTRATIVE, ADMINISTRATIVE, OTHER), 900),
            new DepartmentSpec("QUALITY-OFFICE", "质量管理办公室", "Quality Management Office", DepartmentKind.ADMINISTRATIVE, 6,
                    List.of(ADMINISTRATIVE), 700),
            new DepartmentSpec("LOGISTICS", "后勤保障部", "Logistics and Facilities", DepartmentKind.LOGISTICS, 14,
                    List.of(LOGISTICS, CLEANING, LIFT_ATTENDANT, CLEANING), 3_200),
            new DepartmentSpec("SECURITY", "保卫科", "Security", DepartmentKind.SUPPORT, 8,
                    List.of(SECURITY), 2_800),
            new DepartmentSpec("NUTRITION-CATERING", "营养膳食科", "Nutrition and Catering", DepartmentKind.LOGISTICS, 7,
                    List.of(CATERING, CATERING, CLEANING), 5_400));

    /** The department whose staff verify rectifications: never the department that submitted the evidence. */
    static final String QUALITY_OFFICE = "QUALITY-OFFICE";

    private static DepartmentSpec clinical(String id, String nameZh, String nameEn, int weight, int contacts) {
        return new DepartmentSpec(id, nameZh, nameEn, DepartmentKind.CLINICAL, weight,
                List.of(CLINICAL, NURSING, NURSING, CLINICAL, NURSING, ADMINISTRATIVE), contacts);
    }

    static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹");
    static final List<String> GIVEN_NAMES = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军",
            "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晓东", "建华", "海燕", "志强", "丹", "婷", "浩然");

    /** Summary and details of complaints per category; suggestions use {@link #SUGGESTIONS}. */
    static final Map<Category, List<String[]>> COMPLAINTS = Map.of(
            Category.SERVICE_ATTITUDE, List.of(
                    new String[]{"挂号窗口工作人员态度生硬", "询问检查地点时工作人员不耐烦，说“不知道，问别人去”。"},
                    new String[]{"护士说话不耐烦 / Nurse was curt", "多次按铃无人应答，护士到场后语气不好。"},
                    new String[]{"医生问诊时接听私人电话", "就诊期间医生多次接听电话，未认真听取病情。"}),
            Category.SERVICE_QUALITY, List.of(
                    new String[]{"检查报告出具延迟", "约定当天下午取报告，次日仍未出具，也无人告知原因。"},
                    new String[]{"取药等待时间过长 / Long wait at the pharmacy", "取药排队超过一小时，窗口只开两个。"},
                    new String[]{"输液穿刺多次未成功", "护士穿刺三次未成功，也未请其他同事帮助。"}),
            Category.PRICING, List.of(
                    new String[]{"收费明细与实际不符", "费用清单中有一项未做的检查被收费。"},
                    new String[]{"停车收费标准不清楚", "停车场未公示收费标准，出场时被多收费。"}),
            Category.PROCESS, List.of(
                    new String[]{"预约流程繁琐 / Booking process too complicated", "网上预约后到现场仍需重新排队登记。"},
                    new String[]{"转诊手续往返多个窗口", "办理转诊需在三个窗口之间来回跑，指引不清。"},
                    new String[]{"出院结算等待时间长", "出院结算当天等待四个小时，无人说明原因。"}),
            Category.ENVIRONMENT, List.of(
                    new String[]{"卫生间清洁不及时", "门诊二楼卫生间地面湿滑，无清洁人员处理。"},
                    new String[]{"候诊区座位不足 / Not enough seats", "候诊区座位太少，老人只能站着等候。"},
                    new String[]{"电梯故障等待时间长", "住院部电梯故障，无电梯员引导，等候二十分钟。"}),
            Category.OTHER, List.of(
                    new String[]{"餐食送达不及时", "病房午餐送达已过一点，饭菜已凉。"},
                    new String[]{"失物未能及时找回", "在门诊大厅遗失物品，保卫科登记后无人回复。"}));

    static final List<String[]> SUGGESTIONS = List.of(
            new String[]{"建议增加自助缴费机", "收费窗口排队人多，建议每层增设自助缴费机。"},
            new String[]{"建议延长夜间门诊时间 / Longer evening clinics", "上班族白天难以请假，建议延长夜间门诊。"},
            new String[]{"建议在候诊区增加叫号显示屏", "候诊区听不清叫号，建议增加显示屏。"},
            new String[]{"建议提供轮椅借用服务", "门诊入口没有轮椅借用点，行动不便的老人很困难。"});

    static final List<String> REPLIES = List.of(
            "您好，感谢您的反映。科室已核实情况并对相关人员进行了批评教育，今后将加强服务规范培训。",
            "您好，我们已调查此事，已调整窗口人员安排以缩短等候时间。如有问题请致电服务热线。",
            "您好，经核实费用确有差错，已为您办理退费，对给您带来的不便深表歉意。",
            "您好，感谢您的宝贵建议，医院已将其纳入下一阶段的服务改进计划。");

    static final List<String> FOLLOW_UP_COMMENTS = List.of(
            "对处理结果满意。", "回复及时，态度诚恳。", "问题已解决，但等待时间较长。", "处理结果一般。", "不满意，问题未彻底解决。");

    static final List<String> PRAISE = List.of(
            "感谢%s的医护人员耐心细致的照顾，让我们安心治疗。",
            "Thank you to the team at %s: kind, patient and professional from start to finish.",
            "%s工作人员主动帮助老人办理手续，服务热情周到。",
            "在%s就诊时工作人员详细解释病情，非常感谢！",
            "%s的护士深夜仍耐心解答我们的问题，特此表扬。");

    /** Standard clauses an inspection cites; the first ones are shortcomings, the last ones good practice. */
    static final List<String> SHORTCOMING_CLAUSES = List.of(
            "服务忌语：“不知道，问别人去”",
            "服务忌语：“没看我正忙着吗”",
            "未起身迎候 / not standing to greet",
            "柜台台面不整洁 / untidy counter",
            "未佩戴工牌 / no name badge",
            "工作时间脱岗 / away from post",
            "候诊秩序无人维持 / queue left unmanaged");

    static final List<String> POSITIVE_CLAUSES = List.of(
            "主动使用文明用语 / courteous phrases used throughout",
            "首问负责制执行到位 / first-contact responsibility kept",
            "便民设施完好 / public amenities in good order");

    static final List<String> COURTEOUS_PHRASES = List.of("您好", "请", "谢谢", "对不起", "请稍等", "请慢走", "不客气");
    static final List<String> FORBIDDEN_PHRASES = List.of("不知道", "问别人去", "没看我正忙着吗", "下班了，明天再来", "自己看墙上", "急什么");

    static final List<String[]> COMMITMENTS = List.of(
            new String[]{"首问负责，有问必答。", "First contact owns the question: every question gets an answer."},
            new String[]{"投诉在三个工作日内答复。", "Every complaint is answered within three working days."},
            new String[]{"微笑服务，文明用语。", "We serve with a smile and courteous words."},
            new String[]{"收费公开透明，明码标价。", "Prices are public and every charge is itemised."},
            new String[]{"检查报告按时出具，延迟主动告知。", "Reports are issued on time; any delay is told to you first."});
}
